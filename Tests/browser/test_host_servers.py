"""The nginx and Apache settings of docs/publishing/ on a real server, serving the built site
(WAYMARK_SITE): each response carries the headers of the site's own `_headers` file, caching
follows it (a year for hashed names, "check again" for the rest), missing pages get the 404
page, the host files of other hosts are not served, and the aliases' redirects made from
`_redirects` as docs/PUBLISHING.md says answer with a 301. Each server's tests are skipped, saying
so, when it is not installed (apt-get install nginx-light apache2). Run through run.sh."""
from __future__ import annotations

import http.client
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from test_host_headers import matches, parse_headers_file

PUBLISHING = Path(__file__).resolve().parents[2] / "docs" / "publishing"
DOCS = PUBLISHING.parent / "PUBLISHING.md"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
# The commands docs/PUBLISHING.md gives for turning _redirects into each server's redirects.
NGINX_REDIRECTS = """awk '!/^#/ && NF { print "location = " $1 " { return 301 " $2 "; }" }' _redirects"""
APACHE_REDIRECTS = """awk '!/^#/ && NF { print "Redirect 301 " $1 " " $2 }' _redirects"""
ALIAS = ("/old-strategy/", "/strategy/")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.time() + 10
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text(errors='replace') if log.exists() else ''}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("the server did not start listening", pytrace=False)


@pytest.fixture(scope="module")
def served_copy(site):
    """A copy of the site other users can read (the server's workers may run as nobody), with an
    alias added to its _redirects."""
    root = Path(tempfile.mkdtemp(prefix="waymark-servers-"))
    os.chmod(root, 0o755)
    copy = root / "site"
    shutil.copytree(site, copy)
    for folder, dirs, files in os.walk(copy):
        os.chmod(folder, 0o755)
        for f in files:
            os.chmod(Path(folder) / f, 0o644)
    with open(copy / "_redirects", "a", encoding="utf-8") as f:
        f.write(f"{ALIAS[0]} {ALIAS[1]} 301\n")
    yield root, copy
    shutil.rmtree(root, ignore_errors=True)


def redirects(command: str, copy: Path) -> str:
    assert command in DOCS.read_text(encoding="utf-8"), f"docs/PUBLISHING.md no longer gives: {command}"
    return subprocess.run(["bash", "-c", command], cwd=copy, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def nginx(served_copy):
    if not os.access(NGINX, os.X_OK):
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed, so there is no certificate for the HTTPS server")
    root, copy = served_copy
    work = root / "nginx"
    work.mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", work / "key.pem",
                    "-out", work / "cert.pem", "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    (work / "redirects.conf").write_text(redirects(NGINX_REDIRECTS, copy))
    port, plain = free_port(), free_port()
    site_conf = (PUBLISHING / "nginx.conf").read_text()
    for old, new in [("/etc/nginx/snippets/waymark-headers.conf", str(PUBLISHING / "nginx-headers.conf")),
                     ("/etc/nginx/snippets/waymark-redirects.conf", str(work / "redirects.conf")),
                     ("/var/www/partnership", str(copy)),
                     ("/etc/letsencrypt/live/partnership.example.org/fullchain.pem", str(work / "cert.pem")),
                     ("/etc/letsencrypt/live/partnership.example.org/privkey.pem", str(work / "key.pem")),
                     ("listen 80;", f"listen 127.0.0.1:{plain};"), ("listen 443 ssl;", f"listen 127.0.0.1:{port} ssl;"),
                     ("listen [::]:80;", ""), ("listen [::]:443 ssl;", "")]:
        assert old in site_conf, f"nginx.conf no longer has {old}"
        site_conf = site_conf.replace(old, new)
    (work / "site.conf").write_text(site_conf)
    temp_paths = " ".join(f"{name}_temp_path {work / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"daemon off;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'};\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  {temp_paths}\n  include {work / 'site.conf'};\n}}\n")
    args = [NGINX, "-e", str(work / "error.log"), "-p", str(work), "-c", str(work / "nginx.conf")]
    test = subprocess.run(args + ["-t"], capture_output=True, text=True)
    assert test.returncode == 0, f"nginx -t: {test.stderr}"
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, process, work / "error.log")
        yield lambda path: get(port, path, tls=True), lambda path: get(plain, path, tls=False)
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def apache(served_copy):
    if not os.access(APACHE, os.X_OK) or not (APACHE_MODULES / "mod_headers.so").exists():
        pytest.skip("Apache is not installed (apt-get install apache2)")
    root, copy = served_copy
    work = root / "apache"
    work.mkdir()
    (work / "redirects.conf").write_text(redirects(APACHE_REDIRECTS, copy))
    port = free_port()
    modules = "".join(f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so\n"
                      for name in ("mpm_event", "authz_core", "headers", "mime", "dir", "alias"))
    user = "User nobody\nGroup nogroup\n" if os.getuid() == 0 else ""
    (work / "httpd.conf").write_text(
        f"ServerRoot {work}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\n{modules}{user}"
        f"TypesConfig /etc/mime.types\nPidFile {work / 'httpd.pid'}\nErrorLog {work / 'error.log'}\n"
        f"ServerTokens Prod\nServerSignature Off\nDocumentRoot \"{copy}\"\n"
        f"<Directory \"{copy}\">\n    Require all granted\n    Include {PUBLISHING / 'apache.conf'}\n"
        f"    Include {work / 'redirects.conf'}\n</Directory>\n")
    args = [APACHE, "-f", str(work / "httpd.conf")]
    test = subprocess.run(args + ["-t"], capture_output=True, text=True)
    assert test.returncode == 0, f"apache2 -t: {test.stderr}"
    process = subprocess.Popen(args + ["-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, process, work / "error.log")
        yield lambda path: get(port, path, tls=False)
    finally:
        process.terminate()
        process.wait(10)


def get(port: int, path: str, tls: bool) -> tuple[int, dict[str, str], bytes]:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def cases(site: Path) -> list[str]:
    """Paths of each kind: pages, a theme file, the search index's entry point and a content-hashed file of it, and
    security.txt when the site has one."""
    paths = ["/", "/strategy/"]
    paths += ["/" + p.relative_to(site).as_posix() for p in sorted((site / "assets").rglob("*")) if p.is_file()][:2]
    index = sorted((site / "search-index").glob("*/meta.json"))
    if index:
        paths.append("/" + index[0].relative_to(site).as_posix())
        paths += ["/" + p.relative_to(site).as_posix() for p in sorted(index[0].parent.glob("[tf].*/*.json"))][:1]
    if (site / ".well-known" / "security.txt").is_file():
        paths.append("/.well-known/security.txt")
    return paths


def expected(site: Path, path: str) -> dict[str, str]:
    """What `_headers` gives `path`, with the servers' "check again" where it gives no caching."""
    headers: dict[str, str] = {}
    for pattern, rule in parse_headers_file((site / "_headers").read_text(encoding="utf-8")):
        if matches(pattern, path):
            headers.update({name.lower(): value for name, value in rule})
    headers.setdefault("cache-control", "no-cache")
    return headers


def check_server(fetch, site: Path) -> None:
    every_path = {k: v for k, v in expected(site, "/").items() if k != "cache-control"}
    for path in cases(site):
        status, headers, body = fetch(path)
        assert status == 200, f"{path}: {status}"
        for name, value in expected(site, path).items():
            assert headers.get(name) == value, f"{path}: {name} is {headers.get(name)!r}, not {value!r}"
        assert body == (site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_bytes(), path
    status, headers, body = fetch("/waymark-missing-page/")
    assert status == 404 and body == (site / "404.html").read_bytes(), "a missing page should get 404.html"
    assert all(headers.get(k) == v for k, v in every_path.items()), "the 404 page lacks the security headers"
    for host_file in ("/_headers", "/_redirects"):
        assert fetch(host_file)[0] in (403, 404), f"{host_file} is served"
    status, headers, _ = fetch(ALIAS[0])
    assert status == 301 and headers.get("location", "").endswith(ALIAS[1]), f"{ALIAS[0]}: {status} {headers.get('location')}"
    assert "server" not in headers or "/" not in headers["server"], f"the Server header names a version: {headers['server']}"


def test_nginx_serves_the_site_with_its_headers(nginx, served_copy):
    https, plain = nginx
    check_server(https, served_copy[1])
    status, headers, _ = plain("/strategy/")
    assert status == 301 and headers["location"].startswith("https://"), "plain HTTP should go to HTTPS"


def test_apache_serves_the_site_with_its_headers(apache, served_copy):
    check_server(apache, served_copy[1])
