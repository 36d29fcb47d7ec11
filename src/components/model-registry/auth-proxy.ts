/**
 * nginx configuration of the standalone UI's auth proxy: listens on 8000, answers `/login` with
 * the fixed user and forwards everything else to the UI on 8080 with the `kubeflow-userid` header.
 * Our own layout of the directives upstream's overlay uses (its comments are not carried over).
 * `user` is restricted by the value's schema to characters that need no quoting in nginx or JSON.
 */
export function authProxyConfig(user: string): string {
  const tempPaths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (t) => `  ${t}_temp_path /tmp/${t === 'client_body' ? 'client' : t}_temp;`,
  );
  return [
    'pid /tmp/nginx.pid;',
    'error_log /dev/stderr;',
    'events {',
    '  worker_connections 1024;',
    '}',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log /dev/stdout;',
    ...tempPaths,
    '  upstream backend {',
    '    server localhost:8080;',
    '  }',
    '  server {',
    '    listen 8000;',
    '    server_name _;',
    '    location /login {',
    `      return 200 '{"message": "Login successful", "kubeflow-userid": "${user}"}';`,
    '      add_header Content-Type application/json;',
    '    }',
    '    location / {',
    '      proxy_pass http://backend;',
    `      proxy_set_header kubeflow-userid "${user}";`,
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Real-IP $remote_addr;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_set_header X-Forwarded-Proto $scheme;',
    '      proxy_set_header Connection "";',
    '      proxy_http_version 1.1;',
    '      proxy_buffering off;',
    '    }',
    '  }',
    '}',
  ].join('\n');
}

/** Characters a user id may hold in that file (an e-mail address or a plain name). */
export const USER_PATTERN = '^[A-Za-z0-9._%+@-]+$';
