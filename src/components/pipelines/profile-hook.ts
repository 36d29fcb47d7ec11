/**
 * The per-profile controller's hook: a small generic program (ours), run by metacontroller's
 * DecoratorController for every namespace labelled `pipelines.kubeflow.org/enabled=true`. All it
 * knows is in `children.json`, which the chart synthesizes from typed constructs
 * (profile-children.ts): the objects each profile namespace gets, with NAMESPACE_PLACEHOLDER where
 * the namespace goes. The hook fills in the namespace (in parsed JSON strings, never in text), adds
 * the object-store credentials Secret from its own environment (kept once it exists), and answers
 * the sync request. `--sync FILE` answers one request read from FILE on stdout (tests).
 */
export const NAMESPACE_PLACEHOLDER = '__PROFILE_NAMESPACE__';

export const hookScript = `import base64, json, os, re, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PLACEHOLDER = ${JSON.stringify(NAMESPACE_PLACEHOLDER)}
HERE = os.path.dirname(os.path.abspath(__file__))
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
SECRET = "mlpipeline-minio-artifact"


def load_children():
    with open(os.path.join(HERE, "children.json")) as f:
        return json.load(f)


def fill(node, namespace):
    if isinstance(node, str):
        return node.replace(PLACEHOLDER, namespace)
    if isinstance(node, list):
        return [fill(x, namespace) for x in node]
    if isinstance(node, dict):
        return {fill(k, namespace): fill(x, namespace) for k, x in node.items()}
    return node


def credentials(namespace, attachments):
    existing = attachments.get("Secret.v1", {}).get(namespace + "/" + SECRET)
    if existing:
        return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": SECRET, "namespace": namespace}, "data": existing.get("data", {})}
    enc = lambda x: base64.b64encode(os.environ.get(x, "").encode()).decode()
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": SECRET, "namespace": namespace},
            "data": {"accesskey": enc("AWS_ACCESS_KEY_ID"), "secretkey": enc("AWS_SECRET_ACCESS_KEY")}}


def sync(request, children):
    parent = request.get("object", {})
    meta = parent.get("metadata", {})
    namespace = meta.get("name", "")
    if meta.get("labels", {}).get("pipelines.kubeflow.org/enabled") != "true" or not DNS_LABEL.match(namespace):
        return {"status": {}, "attachments": []}
    attachments = request.get("attachments", {})
    desired = [credentials(namespace, attachments)] + fill(children, namespace)
    wanted = {}
    for o in desired:
        group = o["apiVersion"]
        key = o["kind"] + "." + group
        wanted[key] = wanted.get(key, 0) + 1
    ready = all(len(attachments.get(k, {})) >= n for k, n in wanted.items())
    return {"status": {"kubeflow-pipelines-ready": "True" if ready else "False"}, "attachments": desired}


class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("content-length", "0"))))
        body = json.dumps(sync(request, load_children())).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--sync":
        with open(sys.argv[2]) as f:
            print(json.dumps(sync(json.load(f), load_children())))
    else:
        HTTPServer(("", int(os.environ.get("CONTROLLER_PORT", "8080"))), Hook).serve_forever()
`;
