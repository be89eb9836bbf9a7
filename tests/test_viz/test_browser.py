"""Every view opened from disk in headless Chromium with the network cut: nothing is requested,
nothing logs an error, the graph draws, search finds Chinese fragments, the legend is complete.

Needs the Debian packages chromium and chromium-driver and the Python package selenium.
"""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from plankg.viz.views import write_views

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SCREENSHOT_COPY = Path("/tmp/plankg-view.png")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--window-size=1400,900"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory, require_tool_once):
    require_tool_once(CHROMIUM.exists() and CHROMEDRIVER.exists(),
                      f"headless browser test needs {CHROMIUM} and {CHROMEDRIVER}: apt-get install chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser test needs selenium: pip install selenium")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def written(viz_store, tmp_path_factory) -> list[Path]:
    return write_views(viz_store, tmp_path_factory.mktemp("views"))


def _open(driver, path: Path) -> list[str]:
    """Load `path` and return the URLs of every request it made besides itself (data: URLs aside)."""
    driver.get_log("performance")  # drop events of earlier pages
    driver.get_log("browser")
    url = path.resolve().as_uri()
    driver.get(url)
    deadline = time.time() + 30
    while time.time() < deadline and driver.execute_script("return document.readyState") != "complete":
        time.sleep(0.05)
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            target = message["params"]["request"]["url"]
            if target != url and not target.startswith("data:"):
                requested.append(target)
    return requested


def _wait_drawn(driver) -> None:
    deadline = time.time() + 30
    while time.time() < deadline:
        if driver.execute_script("return !!(window.PLANKG && window.PLANKG.drawn)"):
            return
        time.sleep(0.1)
    raise AssertionError("the network never drew")


def _no_errors(driver, name: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert not errors, f"{name}: console errors {errors}"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018  (a hostile name must not have run alert())
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == [], f"{name}: fetched {resources}"


def test_every_view_works_offline(browser, written, hostile, tmp_path):
    graph_views = [p for p in written if p.suffix == ".html" and p.name not in ("index.html", "responsibility.html")]
    for path in graph_views:
        requested = _open(browser, path)
        assert requested == [], f"{path.name} requested {requested}"
        _wait_drawn(browser)
        _no_errors(browser, path.name)
        state = browser.execute_script("""
            const p = window.PLANKG;
            return {drawn: p.network.body.nodeIndices.length, total: p.data.nodes.length,
                    names: p.names, types: p.data.types.map(t => t[0]),
                    legend: Array.from(document.querySelectorAll('#legend-types li')).map(li => li.dataset.key),
                    rels: p.data.rels.map(r => r[0]),
                    relLegend: Array.from(document.querySelectorAll('#legend-rels li[data-key]')).map(li => li.dataset.key),
                    title: document.title};""")
        assert state["total"] > 0 and state["drawn"] == state["total"], path.name
        assert state["legend"] == state["types"] and state["relLegend"] == state["rels"], path.name
        # search by a fragment from the middle of a Chinese name
        chinese = next(n for n in state["names"] if re.search("[\u4e00-\u9fff]{3,}", n))
        fragment = re.search("[\u4e00-\u9fff]{3,}", chinese).group(0)[1:3]
        found = browser.execute_script("return PLANKG.search(arguments[0])", fragment)
        assert state["names"].index(chinese) in found, (path.name, fragment)
        browser.execute_script("PLANKG.focusNode(arguments[0])", found[0])  # highlight, focus: must not throw
        _no_errors(browser, path.name)
        if hostile in state["names"] and path.name.startswith("department-") and state["title"] == hostile:
            assert browser.find_element("css selector", "h1").text == hostile  # shown as text

    # the search box, typed into like a user would
    everything = written[0]
    assert everything.name == "all.html"
    _open(browser, everything)
    _wait_drawn(browser)
    box = browser.find_element("id", "search")
    box.send_keys("科学技术")
    results = browser.find_elements("css selector", "#results li")
    assert any("杭州市科学技术局" in li.text for li in results)
    browser.find_element("id", "physics").click()  # the physics toggle
    select = browser.find_element("id", "dept")
    options = select.find_elements("tag name", "option")
    assert hostile in [o.text.split("（")[0] for o in options]
    time.sleep(0.5)
    shot = tmp_path / "all.png"
    browser.save_screenshot(str(shot))
    shutil.copyfile(shot, SCREENSHOT_COPY)
    _no_errors(browser, everything.name)


def test_index_and_matrix_work_offline(browser, written, hostile):
    for name in ("index.html", "responsibility.html"):
        path = written[0].parent / name
        assert _open(browser, path) == [], name
        _no_errors(browser, name)
    links = browser.execute_script("return 0")  # the matrix page is the current one
    assert links == 0
    browser.find_element("id", "filter").send_keys("第2项")
    shown = browser.execute_script("return document.querySelectorAll('#matrix tbody tr:not(.hidden)').length")
    assert shown == 2
    headers = [th.get_attribute("title") for th in browser.find_elements("css selector", "th.dept")]
    assert hostile in headers
    _no_errors(browser, "responsibility.html")


def test_large_view_draws_with_a_precomputed_layout(browser, tmp_path):
    import random

    from plankg.graph.nx import networkx_from_records
    from plankg.viz.html import PHYSICS_LIMIT, graph_to_view

    rng = random.Random(3)
    nodes = [{"label": "Department", "id": f"department-{i:016x}", "name": f"杭州市第{i}局"} for i in range(40)]
    nodes += [{"label": "Task", "id": f"task-{i:016x}", "ref": str(i), "document_id": "d",
               "text": f"第{i}项任务：加快推进城西科创大走廊建设，构建知识产权综合服务体系。"} for i in range(PHYSICS_LIMIT + 100)]
    edges = [{"type": "RESPONSIBLE_FOR", "source": f"department-{rng.randrange(40):016x}", "target": f"task-{i:016x}",
              "role": "lead", "document_id": "d"} for i in range(PHYSICS_LIMIT + 100)]
    view = graph_to_view(networkx_from_records(nodes, edges, {"d": "大文件.txt"}), "大图", "合成数据")
    assert "xy" in view.payload
    path = view.write(tmp_path / "large.html")
    assert _open(browser, path) == []
    _wait_drawn(browser)
    _no_errors(browser, path.name)
    drawn, physics = browser.execute_script(
        "return [PLANKG.network.body.nodeIndices.length, PLANKG.network.physics.physicsEnabled]")
    assert drawn == view.node_count and physics is False
    assert browser.execute_script("return PLANKG.search('加快推进').length") == view.node_count - 40
