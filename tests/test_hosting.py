"""The web server configurations shipped in docs/hosting/ (docs/hosting.md): a real nginx, started by the
test, serves the built demo with them as shipped, under the demo's sub-path and on a host name of its
own; the Apache and IIS ones are read and must state the same policies, types and caching."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from a11y import DEMO_BASE_URL, build_demo

from conftest import REPO, soup
from xxgk.csp import CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY
from xxgk.file_policy import SIGNATURES

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
HOSTING = REPO / "docs" / "hosting"
SITE_PLACEHOLDER = "/srv/xxgk/site"  # docs/hosting.md: "replace /srv/xxgk/site by the folder the build writes"
LISTEN_PLACEHOLDER = "listen 80;"  # docs/hosting.md: "listen 80: your port"
SUB_PATH = urlparse(DEMO_BASE_URL).path  # /gk/
PLACEMENTS = {  # the two server blocks of docs/hosting/nginx.conf: host name and the site's path on it
    "under /gk/": ("fgw.example.gov.cn", SUB_PATH),
    "own host name": ("xxgk.example.gov.cn", "/"),
}

# The header form of the policy: the <meta> policy of every page plus what only a header can carry.
HEADER_POLICY = CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'"
SEARCH_HEADER_POLICY = SEARCH_CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'"
LONG_CACHING = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HASHED = re.compile(r"^(pagefind\.)?[a-z-]+_[0-9a-f]{7,}\.pf_(fragment|index|filter|meta)$")
UNHASHED = {"pagefind-entry.json", "pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind"}

# The types every shipped configuration sets itself (mime.types and the servers' own lists lack them).
OWN_TYPES = {
    "csv": "text/csv", "yaml": "application/yaml", "ofd": "application/ofd", "wps": "application/kswps",
    "et": "application/kset", "dps": "application/ksdps", "pf_fragment": "application/octet-stream",
    "pf_index": "application/octet-stream", "pf_filter": "application/octet-stream",
    "pf_meta": "application/octet-stream", "pagefind": "application/octet-stream",
}
UTF8_EXTENSIONS = {"html", "css", "js", "json", "xml", "txt", "csv", "yaml"}
# Attachment types IIS 10 knows out of the box; any other type the site may publish needs a mimeMap.
IIS_KNOWN = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "zip", "jpg", "jpeg", "png", "gif", "bmp",
             "mp3", "mp4"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The demo built with search, plus one small file of every type an attachment may have."""
    out = build_demo(tmp_path_factory.mktemp("hosting") / "site")
    (out / "types").mkdir()
    for suffix in SIGNATURES:
        (out / "types" / f"file{suffix}").write_bytes(b"x" * 16)  # the server looks at the name only
    return out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def placed(config: Path, site: Path, port: int) -> str:
    """The shipped nginx.conf with its placeholders filled in, as docs/hosting.md tells an operator to."""
    text = config.read_text(encoding="utf-8")
    assert f"root {SITE_PLACEHOLDER};" in text and f"alias {SITE_PLACEHOLDER}/;" in text, "placeholders moved"
    assert text.count(LISTEN_PLACEHOLDER) == 2, "placeholders moved"
    return text.replace(SITE_PLACEHOLDER, str(site)).replace(LISTEN_PLACEHOLDER, f"listen 127.0.0.1:{port};")


# The main configuration an nginx package provides, reduced to what a test instance needs: everything
# inside the tmp folder, no logs on disk. The shipped files go where the package's layout puts them.
WRAPPER = """{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include conf.d/*.conf;
}}
"""


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory) -> Iterator[int]:
    """A real nginx serving `site` with docs/hosting/nginx.conf and nginx-site.conf; yields its port."""
    assert NGINX.is_file() and MIME_TYPES.is_file(), \
        f"{NGINX} is missing: install Debian's nginx-light (tests/run.sh does) to test the shipped configuration"
    prefix = tmp_path_factory.mktemp("nginx")
    conf = prefix / "conf"
    (conf / "conf.d").mkdir(parents=True)
    (conf / "snippets").mkdir()
    (prefix / "temp").mkdir()
    port = free_port()
    shutil.copy(MIME_TYPES, conf / "mime.types")
    (conf / "conf.d" / "xxgk.conf").write_text(placed(HOSTING / "nginx.conf", site, port), encoding="utf-8")
    shutil.copy(HOSTING / "nginx-site.conf", conf / "snippets" / "xxgk-site.conf")
    user = "user root;" if os.geteuid() == 0 else ""  # else workers run as nobody and cannot read tmp
    (conf / "nginx.conf").write_text(WRAPPER.format(user=user, prefix=prefix), encoding="utf-8")
    command = [str(NGINX), "-p", f"{prefix}/", "-c", str(conf / "nginx.conf"), "-e", "stderr"]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0 and "[warn]" not in tested.stderr, tested.stderr
    log_path = prefix / "nginx.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(port, process, log_path)
        yield port
    finally:
        process.terminate()  # the master's fast shutdown stops the workers too
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, f"nginx stopped: {log.read_text(errors='replace')}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nginx did not listen on port {port}: {log.read_text(errors='replace')}")


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is answered as it is, for the test to look at


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirects())


def get(port: int, host: str, path: str, **headers: str) -> Response:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host, **headers})
    try:
        with OPENER.open(request, timeout=30) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


@pytest.fixture(scope="module", params=list(PLACEMENTS))
def fetch(request, nginx):
    """GET a path of the site, relative to where the site is, in each of the two placements."""
    host, base = PLACEMENTS[request.param]
    return lambda path, **headers: get(nginx, host, base + quote(path), **headers)


def attachment(site: Path, suffix: str) -> str:
    """The first published file of a type among the demo's documents, relative to the site."""
    return sorted(site.glob(f"documents/**/*{suffix}"))[0].relative_to(site).as_posix()


def file_of(site: Path, path: str) -> Path:
    """The file that answers a path: a folder's index.html."""
    return site / path / "index.html" if not path or path.endswith("/") else site / path


def test_every_page_sends_the_policy_of_xxgk_csp_as_a_header_with_frame_ancestors(fetch, site):
    for path in ("", "guide/", "catalogue/", "columns/01/"):
        response = fetch(path)
        assert response.status == 200, path
        assert response.headers["Content-Security-Policy"] == HEADER_POLICY, path
        assert f'content="{CONTENT_SECURITY_POLICY}"' in response.body.decode("utf-8")  # and the <meta> agrees
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    for path in ("assets/search.js", "pagefind/pagefind.js", attachment(site, ".txt")):
        assert fetch(path).headers["Content-Security-Policy"] == HEADER_POLICY, path


def test_the_search_page_alone_allows_webassembly(fetch):
    for path in ("search/", "search/index.html"):
        response = fetch(path)
        assert response.status == 200
        assert response.headers["Content-Security-Policy"] == SEARCH_HEADER_POLICY
        assert f'content="{SEARCH_CONTENT_SECURITY_POLICY}"' in response.body.decode("utf-8")
    assert fetch("search/t2s.json").headers["Content-Security-Policy"] == HEADER_POLICY


def test_text_is_served_as_utf_8(fetch, site):
    expected = {
        "": "text/html; charset=utf-8",
        "assets/site.css": "text/css; charset=utf-8",
        "assets/search.js": "application/javascript; charset=utf-8",
        "search/t2s.json": "application/json; charset=utf-8",
        "pagefind/pagefind-entry.json": "application/json; charset=utf-8",
        "feed.xml": "text/xml; charset=utf-8",
        "robots.txt": "text/plain; charset=utf-8",
        attachment(site, ".txt"): "text/plain; charset=utf-8",  # mojibake under python -m http.server
        attachment(site, ".csv"): "text/csv; charset=utf-8",
        "reports/2024.csv": "text/csv; charset=utf-8",
        "reports/2024.yaml": "application/yaml; charset=utf-8",
    }
    for path, content_type in expected.items():
        response = fetch(path)
        assert (response.status, response.headers["Content-Type"]) == (200, content_type), path
        assert response.body == file_of(site, path).read_bytes()


def test_every_type_an_attachment_may_have_is_served_with_its_own_type(fetch, site):
    for suffix in sorted(SIGNATURES):
        response = fetch(f"types/file{suffix}")
        content_type = response.headers["Content-Type"]
        assert response.status == 200, suffix
        if suffix[1:] in OWN_TYPES:
            assert content_type.split(";")[0] == OWN_TYPES[suffix[1:]], suffix
        else:  # the server's own list knows it: a browser gets more than "some bytes"
            assert content_type != "application/octet-stream", suffix
        assert ("charset=utf-8" in content_type) == (suffix[1:] in UTF8_EXTENSIONS), suffix
    fragment = sorted(site.glob("pagefind/fragment/*"))[0].relative_to(site).as_posix()
    for path in ("pagefind/wasm.unknown.pagefind", fragment):
        assert fetch(path).headers["Content-Type"] == "application/octet-stream", path


def test_content_hashed_search_files_are_kept_a_year_and_everything_else_is_revalidated(fetch, site):
    bundle = sorted(p for p in (site / "pagefind").rglob("*") if p.is_file())
    hashed = [p for p in bundle if p.name not in UNHASHED]
    assert {p.name for p in bundle} - {p.name for p in hashed} == UNHASHED
    assert hashed and all(HASHED.match(p.name) for p in hashed), "a Pagefind file without a content hash"
    for path in hashed:
        response = fetch(path.relative_to(site).as_posix())
        assert (response.status, response.headers["Cache-Control"]) == (200, LONG_CACHING), path
    for name in UNHASHED:
        assert fetch(f"pagefind/{name}").headers["Cache-Control"] == REVALIDATE, name
    for path in ("", "search/", "search/exact/0.json", "search/t2s.json", "assets/site.css", "feed.xml",
                 attachment(site, ".pdf")):
        assert fetch(path).headers["Cache-Control"] == REVALIDATE, path


def test_unchanged_files_are_answered_304_when_revalidated(fetch):
    first = fetch("")
    again = fetch("", **{"If-None-Match": first.headers["ETag"]})
    assert (again.status, again.body) == (304, b"")


def test_text_is_gzip_compressed_and_pagefind_files_are_not_compressed_twice(fetch, site):
    for path in ("", "search/", "assets/site.css", "assets/search.js", "search/t2s.json", "feed.xml",
                 attachment(site, ".txt"), attachment(site, ".csv")):
        response = fetch(path, **{"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in response.headers["Vary"]
        assert gzip.decompress(response.body) == file_of(site, path).read_bytes(), path
    for path in sorted(site.glob("pagefind/**/*.pf_*"))[:5] + [site / "pagefind/wasm.unknown.pagefind"]:
        response = fetch(path.relative_to(site).as_posix(), **{"Accept-Encoding": "gzip"})
        assert response.headers["Content-Encoding"] is None, path  # gzip inside: Pagefind inflates it itself
        assert response.body == path.read_bytes() and response.body[:2] == b"\x1f\x8b"


def test_a_missing_page_is_answered_404_with_the_sites_404_page(fetch, site):
    page = (site / "404.html").read_bytes()
    for path in ("no-such-page/", "documents/2026/no-such-file.pdf", "deep/and/deeper/still/"):
        response = fetch(path)
        assert (response.status, response.body) == (404, page), path
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        assert response.headers["Content-Security-Policy"] == HEADER_POLICY
        assert response.headers["Cache-Control"] == REVALIDATE
    # It works at any depth, and on any host, because every link on it starts from the site's path.
    links = [e.get("href") or e.get("src") for e in soup(site / "404.html").select("[href], [src]")]
    own = [link for link in links if not link.startswith(("#", "mailto:", "data:"))]
    assert own and all(link.startswith(urlparse(DEMO_BASE_URL).path) for link in own), own


def test_the_sub_path_and_folders_without_their_slash_are_redirected(nginx):
    host, base = PLACEMENTS["under /gk/"]
    response = get(nginx, host, base.rstrip("/"))
    assert response.status == 301 and urlparse(response.headers["Location"]).path == base
    response = get(nginx, host, base + "search")
    assert (response.status, response.headers["Location"]) == (301, base + "search/")
    outside = get(nginx, host, "/no-such-page/")  # the department's own site, not the column's 404 page
    assert outside.status == 404 and outside.body != b""
    assert "Content-Security-Policy" not in outside.headers


# The Apache and IIS configurations cannot run here: they are read, and must say what nginx was tested with.

def policies_in(text: str) -> set[str]:
    return set(re.findall(r"default-src [^\"]*", text))


def test_every_shipped_configuration_states_the_policies_of_xxgk_csp():
    for name in ("nginx.conf", "apache.conf", "web.config"):
        assert policies_in((HOSTING / name).read_text(encoding="utf-8")) == {HEADER_POLICY, SEARCH_HEADER_POLICY}, name
    apache = apache_sections()
    assert apache[SITE_PLACEHOLDER].count("Header always set Content-Security-Policy") == 1
    assert policies_in(apache[SITE_PLACEHOLDER]) == {HEADER_POLICY}
    assert policies_in(apache[f"{SITE_PLACEHOLDER}/search"]) == {SEARCH_HEADER_POLICY}
    iis = web_config()
    assert custom_headers(iis.find("system.webServer"))["Content-Security-Policy"] == HEADER_POLICY
    search = iis.find("location[@path='search']/system.webServer")
    assert search is not None and custom_headers(search)["Content-Security-Policy"] == SEARCH_HEADER_POLICY
    assert search.find("httpProtocol/customHeaders/remove[@name='Content-Security-Policy']") is not None


def test_every_shipped_configuration_sets_the_same_types():
    block = re.search(r"types \{(.*?)\}", (HOSTING / "nginx-site.conf").read_text(encoding="utf-8"), re.S)
    assert block
    nginx = {ext: kind for kind, *exts in (entry.split() for entry in block.group(1).split(";") if entry.strip())
             for ext in exts}
    assert nginx == OWN_TYPES  # served and checked above
    added = re.findall(r"AddType (\S+) (.+)", apache_sections()[SITE_PLACEHOLDER])
    apache = {ext.lstrip("."): kind for kind, exts in added for ext in exts.split()}
    assert {ext: kind for ext, kind in apache.items() if ext in OWN_TYPES} == OWN_TYPES
    iis = iis_types()
    assert {ext: kind.split(";")[0] for ext, kind in iis.items() if ext in OWN_TYPES} == OWN_TYPES
    assert {s.lstrip(".") for s in SIGNATURES} <= IIS_KNOWN | set(iis), "a type IIS would refuse to serve (404.3)"


def test_apache_sets_the_charset_caching_and_404_page_nginx_was_tested_with():
    site = apache_sections()[SITE_PLACEHOLDER]
    charset = re.search(r"AddCharset utf-8 (.+)", site)
    assert charset and {e.lstrip(".") for e in charset.group(1).split()} == UTF8_EXTENSIONS
    assert 'Header always set Cache-Control "no-cache"' in site
    hashed = re.search(r'<FilesMatch "([^"]+)">\s*Header always set Cache-Control "([^"]+)"', site)
    assert hashed and hashed.groups() == (r"\.pf_(fragment|index|filter|meta)$", LONG_CACHING)
    assert f"ErrorDocument 404 {SUB_PATH}404.html" in site
    assert f"error_page 404 {SUB_PATH}404.html;" in (HOSTING / "nginx.conf").read_text(encoding="utf-8")


def test_iis_sets_the_charset_caching_and_404_page_nginx_was_tested_with():
    iis = web_config()
    static = iis.find("system.webServer/staticContent")
    assert static is not None
    removed = {r.get("fileExtension", "").lstrip(".") for r in static.iter("remove")}
    assert set(iis_types()) == removed  # remove first: a second mimeMap of one extension stops IIS with an error
    assert {ext for ext, kind in iis_types().items() if kind.endswith("; charset=utf-8")} == UTF8_EXTENSIONS
    assert static.find("clientCache[@cacheControlMode='DisableCache']") is not None  # Cache-Control: no-cache
    for folder in ("fragment", "index", "filter"):
        cache = iis.find(f"location[@path='pagefind/{folder}']/system.webServer/staticContent/clientCache")
        assert cache is not None and cache.attrib == {"cacheControlMode": "UseMaxAge",
                                                      "cacheControlMaxAge": "365.00:00:00",
                                                      "cacheControlCustom": "public, immutable"}
    error = iis.find("system.webServer/httpErrors/error[@statusCode='404']")
    assert error is not None and error.get("path") == f"{SUB_PATH}404.html"


def apache_sections() -> dict[str, str]:
    """The body of each <Directory> section of apache.conf, by its path."""
    text = (HOSTING / "apache.conf").read_text(encoding="utf-8")
    return dict(re.findall(r'<Directory "([^"]+)">(.*?)</Directory>', text, re.S))


def web_config() -> ET.Element:
    return ET.parse(HOSTING / "web.config").getroot()  # well-formed XML, or IIS answers every request with 500.19


def iis_types() -> dict[str, str]:
    return {m.get("fileExtension", "").lstrip("."): m.get("mimeType", "") for m in web_config().iter("mimeMap")}


def custom_headers(section: ET.Element | None) -> dict[str, str]:
    assert section is not None
    return {a.get("name", ""): a.get("value", "") for a in section.iterfind("httpProtocol/customHeaders/add")}
