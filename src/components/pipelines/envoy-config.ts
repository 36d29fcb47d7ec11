/**
 * The Envoy that lets the UI speak gRPC-web to ML Metadata: one listener that accepts gRPC-web with
 * CORS from any origin and forwards to the metadata gRPC service. Written as data here (the chart
 * ships it as JSON, which Envoy reads as YAML).
 */
const typed = (type: string, rest: Record<string, unknown> = {}) => ({ '@type': `type.googleapis.com/${type}`, ...rest });
const socket = (address: string, port: number) => ({ socket_address: { address, port_value: port } });

export function envoyConfig(grpcHost: string, grpcPort: number): Record<string, unknown> {
  const cors = typed('envoy.extensions.filters.http.cors.v3.CorsPolicy', {
    allow_origin_string_match: [{ safe_regex: { regex: '.*' } }],
    allow_methods: 'GET, PUT, DELETE, POST, OPTIONS',
    allow_headers: [
      'keep-alive',
      'user-agent',
      'cache-control',
      'content-type',
      'content-transfer-encoding',
      'custom-header-1',
      'x-accept-content-transfer-encoding',
      'x-accept-response-streaming',
      'x-user-agent',
      'x-grpc-web',
      'grpc-timeout',
    ].join(','),
    max_age: '1728000',
    expose_headers: 'custom-header-1,grpc-status,grpc-message',
  });
  const connectionManager = typed('envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager', {
    codec_type: 'auto',
    stat_prefix: 'ingress_http',
    route_config: {
      name: 'local_route',
      virtual_hosts: [
        {
          name: 'local_service',
          domains: ['*'],
          routes: [
            {
              match: { prefix: '/' },
              route: { cluster: 'metadata-cluster', max_stream_duration: { grpc_timeout_header_max: '0s' } },
              typed_per_filter_config: { 'envoy.filter.http.cors': cors },
            },
          ],
        },
      ],
    },
    http_filters: [
      { name: 'envoy.filters.http.grpc_web', typed_config: typed('envoy.extensions.filters.http.grpc_web.v3.GrpcWeb') },
      { name: 'envoy.filters.http.cors', typed_config: typed('envoy.extensions.filters.http.cors.v3.Cors') },
      { name: 'envoy.filters.http.router', typed_config: typed('envoy.extensions.filters.http.router.v3.Router') },
    ],
  });
  const httpOptions = 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions';
  return {
    admin: {
      access_log: {
        name: 'admin_access',
        typed_config: typed('envoy.extensions.access_loggers.file.v3.FileAccessLog', { path: '/tmp/admin_access.log' }),
      },
      address: socket('0.0.0.0', 9901),
    },
    static_resources: {
      listeners: [
        {
          name: 'listener_0',
          address: socket('0.0.0.0', 9090),
          filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: connectionManager }] }],
        },
      ],
      clusters: [
        {
          name: 'metadata-cluster',
          connect_timeout: '30.0s',
          type: 'logical_dns',
          typed_extension_protocol_options: { [httpOptions]: typed(httpOptions, { explicit_http_config: { http2_protocol_options: {} } }) },
          lb_policy: 'round_robin',
          load_assignment: {
            cluster_name: 'metadata-grpc',
            endpoints: [{ lb_endpoints: [{ endpoint: { address: socket(grpcHost, grpcPort) } }] }],
          },
        },
      ],
    },
  };
}
