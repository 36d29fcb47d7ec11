export const NAME = 'knative-serving';
export const VERSION = '1.21.1';

/** Knative's labels: the app, its version and, for most objects, the part of Serving it belongs to. */
export const labels = (component?: string, more: Record<string, string> = {}): Record<string, string> => ({
  ...(component ? { 'app.kubernetes.io/component': component } : {}),
  'app.kubernetes.io/name': NAME,
  'app.kubernetes.io/version': VERSION,
  ...more,
});

/** Objects of net-istio carry the ingress provider too. */
export const netIstioLabels = (more: Record<string, string> = {}) =>
  labels('net-istio', { 'networking.knative.dev/ingress-provider': 'istio', ...more });
