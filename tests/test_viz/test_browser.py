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
                      f"headless browser test needs {CHROMIUM} and {CHROMEDRIVER}: "
                      "apt-get install chromium chromium-driver")
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


def _open(driver, path: Path, fragment: str = "") -> list[str]:
    """Load `path` (with `#fragment`) and return the URLs of every request it made besides itself
    (data: URLs aside) and beyond the shared library beside it (`lib/`, see `_beyond_lib`). Any
    request that failed fails the test."""
    return _beyond_lib(_requests(driver, path, fragment), path)


def _requests(driver, path: Path, fragment: str = "") -> list[str]:
    """Load `path` (with `#fragment`) and return the URLs of every request it made besides itself
    (data: URLs aside); any request that failed fails the test."""
    from urllib.parse import quote

    driver.get_log("performance")  # drop events of earlier pages
    driver.get_log("browser")
    url = path.resolve().as_uri()
    driver.get(url + ("#" + quote(fragment, safe="=") if fragment else ""))
    deadline = time.time() + 30
    while time.time() < deadline and driver.execute_script("return document.readyState") != "complete":
        time.sleep(0.05)
    requested, failed = [], []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            target = message["params"]["request"]["url"]
            if target != url and not target.startswith("data:"):
                requested.append(target)
        elif message["method"] == "Network.loadingFailed":
            failed.append(message["params"])
    assert failed == [], f"{path.name}: failed requests {failed}"
    return requested


def _beyond_lib(requested: list[str], page: Path) -> list[str]:
    """The requests that are not a file of the shared library in `lib/` beside `page`."""
    lib = (page.resolve().parent / "lib").as_uri() + "/"
    return [url for url in requested if not (url.startswith(lib) and "/" not in url[len(lib):])]


def _wait_table(driver) -> None:
    deadline = time.time() + 30
    while time.time() < deadline:
        if driver.execute_script("return !!(window.PLANKG_TABLE && window.PLANKG_TABLE.ready)"):
            return
        time.sleep(0.05)
    raise AssertionError("the table never filled")


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
    resources = driver.execute_script("""
        const lib = location.protocol === 'file:' ? new URL('lib/', location.href).href : null;
        return performance.getEntriesByType('resource').map(e => e.name)
            .filter(u => !(lib && u.startsWith(lib) && !u.slice(lib.length).includes('/')));""")
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
                    relLegend: Array.from(document.querySelectorAll('#legend-rels li[data-key]'))
                        .map(li => li.dataset.key),
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
        if path.name.startswith(("department-", "plan-")):  # the subject stays large through highlighting
            subject = browser.execute_script("""
                const p = PLANKG; p.clearHighlight();
                return [p.names[p.data.focus], p.nodes.get(p.data.focus).font.size];""")
            assert subject[0] == state["title"].strip("《》") or subject[0] == state["title"], path.name
            assert subject[1] > 13, path.name
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
    assert "名称匹配" in results[0].text and not any("原文句子匹配" in li.text for li in results)
    # a fragment only the task sentences hold (names show their first 16 characters) lands in the second group
    box.clear()
    box.send_keys("知识产权综合")
    groups = [li.text for li in browser.find_elements("css selector", "#results li.group")]
    assert groups == ["原文句子匹配（6）"], groups
    marked = browser.find_elements("css selector", "#results mark")
    assert marked and all(m.text == "知识产权综合" for m in marked)
    found = browser.execute_script("return PLANKG.searchText('知识产权综合').map(k => PLANKG.names[k])")
    assert len(found) == 6 and all(name.startswith("二.(一).") for name in found)
    tips = browser.execute_script("""
        const p = PLANKG, task = p.names.findIndex(n => n.startsWith('二.(一).1 '));
        return [p.nodes.get(task).title, p.edges.get().find(e => e.to === task).title];""")
    assert "原文：加快推进城西科创大走廊建设第1项工作，构建“立足杭州、服务全省”的知识产权综合服务体系。" in tips[0]
    assert "责任部门：" in tips[0] and "文件：" in tips[0] and "编号：二.(一).1" in tips[0]
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
    _wait_table(browser)  # the matrix page is the current one
    browser.find_element("id", "filter").send_keys("第2项")
    shown = browser.execute_script("return document.querySelectorAll('#matrix tbody tr').length")
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
               "text": f"第{i}项任务：加快推进城西科创大走廊建设，构建知识产权综合服务体系。"}
              for i in range(PHYSICS_LIMIT + 100)]
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


def test_shared_quotes_come_back_whole(browser, tmp_path):
    """A target's clause travels as a slice of its task's sentence, a repeated sentence as a
    reference; the page rebuilds both exactly, characters beyond the BMP included."""
    from plankg.graph.nx import networkx_from_records
    from plankg.viz.html import graph_to_view, page_data_text

    sentence = "加快建设𠀀实验室，到2025年研发投入强度达到3.5%以上，新增国家级平台10个。"
    clause = "研发投入强度达到3.5%以上"
    nodes = [{"label": "Task", "id": "task-1", "ref": "一.1", "text": sentence, "document_id": "d"},
             {"label": "Task", "id": "task-2", "ref": "二.1", "text": sentence, "document_id": "d"},
             {"label": "Target", "id": "target-1", "text": clause, "metric": "研发投入强度", "value": 3.5, "unit": "%",
              "comparator": ">=", "year": 2025, "document_id": "d"},
             {"label": "Platform", "id": "platform-1", "name": "𠀀实验室"}]
    edges = [{"type": "SETS_TARGET", "source": "task-1", "target": "target-1", "document_id": "d"},
             {"type": "MENTIONS", "source": "task-1", "target": "platform-1", "document_id": "d",
              "printed_name": "𠀀实验室"}]
    view = graph_to_view(networkx_from_records(nodes, edges, {"d": "文件.txt"}), "共享原文")
    data = page_data_text(view.html())
    assert data.count(clause) == 1 and data.count("新增国家级平台") == 1
    path = view.write(tmp_path / "shared.html")
    assert _open(browser, path) == []
    _wait_drawn(browser)
    _no_errors(browser, path.name)
    # a view lists nodes in id order: platform-1, target-1, task-1, task-2
    titles = browser.execute_script("return PLANKG.nodes.get().map(n => n.title)")
    assert titles[2].endswith("原文：" + sentence) and titles[3].endswith("原文：" + sentence)
    assert titles[1].endswith("原文：" + clause) and "目标：研发投入强度 ≥3.5% (2025)" in titles[1]
    assert browser.execute_script("return PLANKG.names.slice(2, 4)") == ["一.1 加快建设𠀀实验室，到2025年研…",
                                                                        "二.1 加快建设𠀀实验室，到2025年研…"]
    mention = browser.execute_script("return PLANKG.edges.get().find(e => e.to === 0).title")
    assert "原文称谓：𠀀实验室" in mention


def test_a_browser_without_decompression_says_which_versions_open_the_view(browser, written):
    """Before Chrome 80, Firefox 113 and Safari 16.4 there is no DecompressionStream: the page
    names the browsers that open it, in Chinese and English, instead of staying blank."""
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                    {"source": "delete window.DecompressionStream;"})
    try:
        assert _open(browser, written[0]) == []
        time.sleep(0.3)
        state = browser.execute_script("""
            return {missing: typeof window.DecompressionStream, plankg: typeof window.PLANKG,
                    shown: !document.getElementById('unsupported').hidden,
                    error: !document.getElementById('load-error').hidden};""")
        assert state == {"missing": "undefined", "plankg": "undefined", "shown": True, "error": False}
        message = browser.find_element("id", "unsupported")
        assert message.is_displayed()
        assert all(part in message.text for part in ("较新的浏览器", "Chrome", "80", "Firefox 113", "Safari 16.4",
                                                     "newer browser"))
        _no_errors(browser, written[0].name)
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})
    _open(browser, written[0])  # and the next page has it again
    _wait_drawn(browser)
    assert browser.find_element("id", "unsupported").is_displayed() is False


def test_a_damaged_data_block_is_reported_not_blank(browser, written, tmp_path):
    page = written[0].read_text(encoding="utf-8")
    damaged = re.sub(r'(id="plankg-data">)[A-Za-z0-9+/=]{8}', r"\1AAAAAAAA", page, count=1)
    assert damaged != page
    path = written[0].parent / "damaged.html"  # beside lib/, which it loads
    path.write_text(damaged, encoding="utf-8")
    assert _open(browser, path) == []
    deadline = time.time() + 10
    while time.time() < deadline and not browser.find_element("id", "load-error").is_displayed():
        time.sleep(0.05)
    assert "无法打开此视图" in browser.find_element("id", "load-error").text
    assert browser.execute_script("return typeof window.PLANKG") == "undefined"


# --- issue 19: filters, counter, symmetric pairs, query views, neighbourhoods, notebooks -----------
SHOTS = Path("/tmp/plankg-shots")


def _shot(driver, name: str) -> Path:
    """A screenshot kept in /tmp/plankg-shots for a person to look at."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def _wait_ready(driver) -> None:
    """Drawn, and physics settled: a click then lands where the node is."""
    _wait_drawn(driver)
    deadline = time.time() + 30
    while time.time() < deadline and not driver.execute_script("return PLANKG.ready"):
        time.sleep(0.1)


def _click_node(driver, k: int) -> None:
    """Click node `k` where it is drawn, as a user would (not through the page's API)."""
    from selenium.webdriver.common.action_chains import ActionChains

    x, y = driver.execute_script("""
        const net = PLANKG.network, at = net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);
        return [at.x, at.y];""", k)
    graph = driver.find_element("id", "graph")
    width, height = graph.size["width"], graph.size["height"]
    assert 0 <= x < width and 0 <= y < height, (x, y, width, height)
    ActionChains(driver).move_to_element_with_offset(graph, int(x - width / 2), int(y - height / 2)).click().perform()
    time.sleep(0.3)


_DIMMED = "return PLANKG.nodes.get().filter(n => n.opacity !== undefined && n.opacity < 1).length"
_COUNTS = """
    const p = PLANKG, shown = new Set(p.network.body.nodeIndices);
    const drawn = p.edges.get().filter(e => shown.has(e.from) && shown.has(e.to)
                                            && p.network.body.edges[e.id] !== undefined).length;
    return {nodes: shown.size, edges: drawn, edgeIndices: p.network.body.edgeIndices.length,
            stats: document.getElementById('stats').textContent};"""


def test_a_department_filter_clears_the_click_highlight(browser, written):
    from selenium.webdriver.support.ui import Select

    everything = written[0]
    assert _open(browser, everything) == []
    _wait_ready(browser)
    names = browser.execute_script("return PLANKG.names")
    _click_node(browser, names.index("杭州市科学技术局"))
    assert browser.execute_script(_DIMMED) > 0  # the click highlighted the department's neighbours
    Select(browser.find_element("id", "dept")).select_by_value(str(names.index("杭州市发展和改革委员会")))
    time.sleep(0.3)
    assert browser.execute_script(_DIMMED) == 0, "the filtered graph stays washed out"
    assert browser.execute_script("return PLANKG.network.getSelectedNodes()") == []
    assert "杭州市发展和改革委员会" in browser.execute_script(
        "return PLANKG.network.body.nodeIndices.map(k => PLANKG.names[k])")
    _shot(browser, "dept-filter-after-click")
    _no_errors(browser, everything.name)


def test_the_counter_counts_the_edges_drawn(browser, written):
    from selenium.webdriver.support.ui import Select

    everything = written[0]
    assert _open(browser, everything) == []
    _wait_drawn(browser)
    total = browser.execute_script("return PLANKG.edges.length")
    start = browser.execute_script(_COUNTS)
    assert f"{total} / {total} 条关系" in start["stats"]
    browser.find_element("css selector", '#legend-types input[data-key="Task"]').click()  # hide every task
    hidden = browser.execute_script(_COUNTS)
    assert 0 < hidden["edges"] < total
    assert f"{hidden['edges']} / {total} 条关系" in hidden["stats"], hidden
    assert hidden["edgeIndices"] == hidden["edges"]
    browser.find_element("css selector", '#legend-types input[data-key="Task"]').click()
    names = browser.execute_script("return PLANKG.names")
    Select(browser.find_element("id", "dept")).select_by_value(str(names.index("杭州市发展和改革委员会")))
    scoped = browser.execute_script(_COUNTS)
    assert 0 < scoped["edges"] < total and f"{scoped['edges']} / {total} 条关系" in scoped["stats"], scoped
    _shot(browser, "counter-department")
    _no_errors(browser, everything.name)


def _pack_view(viz_store, tmp_path, name: str) -> Path:
    from plankg.queries.loader import load_packs, run_query
    from plankg.viz.views import write_query_view

    query = load_packs()[name]
    return write_query_view(run_query(viz_store, query, {}), query.viz, tmp_path / f"query-{name}.html",
                            query.title_zh)


def test_co_responsible_pairs_are_drawn_without_arrows(browser, viz_store, tmp_path):
    arrows = {}
    for name in ("co_responsible_pairs", "plans_by_issuer"):
        path = _pack_view(viz_store, tmp_path, name)
        assert _open(browser, path) == []
        _wait_ready(browser)
        _no_errors(browser, path.name)
        arrows[name] = browser.execute_script("""
            return Object.values(PLANKG.network.body.edges).map(e => e.options.arrows.to.enabled);""")
        tips = browser.execute_script("return PLANKG.edges.get().map(e => e.title)")
        if name == "co_responsible_pairs":
            assert all(" — " in tip and " → " not in tip for tip in tips), tips
            _shot(browser, "co-responsible-pairs")
    assert arrows["co_responsible_pairs"] and not any(arrows["co_responsible_pairs"])
    assert arrows["plans_by_issuer"] and all(arrows["plans_by_issuer"])  # a directed relation keeps them


def test_the_index_links_the_drawn_query_views(browser, written):
    index = written[-1]
    assert _open(browser, index) == []
    links = {a.text: a for a in browser.find_elements("css selector", "a")}
    assert any(text.startswith("部门协同对") for text in links), sorted(links)
    _shot(browser, "index")
    link = next(a for text, a in links.items() if text.startswith("部门协同对"))
    href = link.get_attribute("href")
    link.click()
    _wait_drawn(browser)
    assert browser.current_url == href and browser.title.startswith("部门协同对")
    assert browser.execute_script("return PLANKG.network.body.nodeIndices.length") > 1
    _no_errors(browser, "query view from the index")


def test_plankg_queries_says_which_queries_can_be_drawn():
    from click.testing import CliRunner

    from plankg.cli import main

    listing = CliRunner().invoke(main, ["queries"]).output
    assert "drawn: plankg viz --query co_responsible_pairs (and in plankg viz's index.html)" in listing
    assert "drawn: plankg viz --query plan_lineage -p plan=...\n" in listing  # needs a parameter: on demand
    department_tasks = listing.split("  department_tasks  ")[1].split("\n  ")[0]
    assert "drawn:" not in department_tasks  # a list, not a graph


def _large_graph_view(tmp_path):
    import random

    from plankg.graph.nx import networkx_from_records
    from plankg.viz.html import PHYSICS_LIMIT, graph_to_view

    rng = random.Random(5)
    nodes = [{"label": "Department", "id": f"department-{i:016x}", "name": f"杭州市第{i}局"} for i in range(40)]
    nodes += [{"label": "Task", "id": f"task-{i:016x}", "ref": str(i), "document_id": "d",
               "text": f"第{i}项任务：加快推进城西科创大走廊建设。"} for i in range(PHYSICS_LIMIT + 100)]
    edges = []
    for i in range(PHYSICS_LIMIT + 100):
        lead = 3 if i < 6 else rng.randrange(40)
        edges.append({"type": "RESPONSIBLE_FOR", "source": f"department-{lead:016x}", "target": f"task-{i:016x}",
                      "role": "lead", "document_id": "d"})
        if i == 1:  # one task of 第3局 shared with 第7局
            edges.append({"type": "RESPONSIBLE_FOR", "source": f"department-{7:016x}", "target": f"task-{i:016x}",
                          "role": "support", "document_id": "d"})
    view = graph_to_view(networkx_from_records(nodes, edges, {"d": "大文件.txt"}), "大图", "合成数据")
    assert "xy" in view.payload and view.payload["physics"] is False
    return view, view.write(tmp_path / "large.html")


def test_a_large_view_starts_from_one_node_and_expands_on_click(browser, tmp_path):
    view, path = _large_graph_view(tmp_path)
    assert _open(browser, path, "node=杭州市第3局") == []
    _wait_drawn(browser)
    _no_errors(browser, path.name)
    names = browser.execute_script("return PLANKG.names")
    first = browser.execute_script(_COUNTS)
    third = names.index("杭州市第3局")
    tasks_of_third = browser.execute_script("return PLANKG.network.getConnectedNodes(arguments[0])", third)
    assert first["nodes"] == 1 + len(tasks_of_third) < view.node_count  # not the hairball
    assert first["stats"].startswith(f"显示 {first['nodes']} / {view.node_count} 个节点")
    assert browser.find_element("id", "explore").is_selected()
    _shot(browser, "large-start")
    shared = next(k for k, name in enumerate(names) if name.startswith("1 第1项任务"))
    seventh = names.index("杭州市第7局")
    assert seventh not in browser.execute_script("return PLANKG.network.body.nodeIndices")
    _click_node(browser, shared)  # expands the shared task: 第7局 comes in
    shown = set(browser.execute_script("return PLANKG.network.body.nodeIndices"))
    assert seventh in shown and len(shown) == first["nodes"] + 1
    _click_node(browser, seventh)  # and 第7局's tasks with it
    shown = browser.execute_script(_COUNTS)
    sevenths = browser.execute_script("return PLANKG.network.getConnectedNodes(arguments[0])", seventh)
    assert shown["nodes"] == first["nodes"] + 1 + len(set(sevenths) - {shared})
    assert f"{shown['edges']} / {view.edge_count} 条关系" in shown["stats"]
    _shot(browser, "large-expanded")
    # the search box starts again from what it finds
    box = browser.find_element("id", "search")
    box.send_keys("杭州市第12局")
    box.send_keys("\n")
    twelfth = names.index("杭州市第12局")
    shown = set(browser.execute_script("return PLANKG.network.body.nodeIndices"))
    assert twelfth in shown and third not in shown
    browser.find_element("id", "reset").click()  # back to the whole graph
    assert browser.execute_script("return PLANKG.network.body.nodeIndices.length") == view.node_count
    assert not browser.find_element("id", "explore").is_selected()
    _no_errors(browser, path.name)


def test_a_notebook_shows_the_view_inline_offline(browser, viz_store, tmp_path):
    """What Jupyter does with `_repr_html_`: the cell's HTML goes into the notebook page. The
    view runs in its iframe, draws, and nothing leaves the page."""
    from plankg.graph.nx import store_to_networkx
    from plankg.viz.html import graph_to_view

    view = graph_to_view(store_to_networkx(viz_store), "全部图谱", "笔记本中的视图")
    notebook = tmp_path / "notebook.html"
    notebook.write_text('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>notebook</title>'
                        '</head><body><div class="jp-Cell"><pre>In [1]: view</pre>'
                        f'<div class="jp-OutputArea-output">{view._repr_html_()}</div></div></body></html>',
                        encoding="utf-8")
    assert _open(browser, notebook) == []
    browser.switch_to.frame(browser.find_element("tag name", "iframe"))
    try:
        _wait_drawn(browser)
        assert browser.execute_script("return PLANKG.network.body.nodeIndices.length") == view.node_count
        assert browser.find_element("css selector", "h1").text == "全部图谱"
        _no_errors(browser, "notebook iframe")
        requested = [e for e in browser.get_log("performance")
                     if json.loads(e["message"])["message"]["method"] == "Network.requestWillBeSent"]
        assert requested == []
    finally:
        browser.switch_to.default_content()
    _no_errors(browser, notebook.name)
    _shot(browser, "notebook")


@pytest.fixture(scope="module")
def demo_views(tmp_path_factory) -> Path:
    """The views of the demo corpus, ingested and loaded as `plankg demo` does."""
    from plankg.graph.load import load_graphs
    from plankg.graph.store import open_store
    from plankg.workflow import demo_corpus, ingest_documents

    folder = tmp_path_factory.mktemp("demo-views")
    store = open_store(f"ladybug://{folder / 'store.lbdb'}")
    try:
        load_graphs(store, [r.graph for r in ingest_documents(demo_corpus(), jobs=1) if r.graph is not None])
        write_views(store, folder / "views", queries=False)
    finally:
        store.close()
    return folder / "views"


def test_the_demo_search_finds_a_department_by_its_short_name(browser, demo_views):
    """Issue #16: typing 科技局, the short form people use, finds 杭州市科学技术局 by its aliases; the
    tooltip of a platform lists every sentence that names it, with its plan and task."""
    _open(browser, demo_views / "all.html")
    _wait_drawn(browser)
    box = browser.find_element("id", "search")
    box.send_keys("科技局")
    results = browser.find_elements("css selector", "#results li")
    names = [li.text for li in results]
    assert "名称匹配" in names[0], names[:3]
    assert any("杭州市科学技术局" in text for text in names), names[:10]
    box.clear()
    box.send_keys("市科技局")
    assert any("杭州市科学技术局" in li.text for li in browser.find_elements("css selector", "#results li"))
    # the corridor printed two ways is one platform; its tooltip quotes each plan's sentences
    tip = browser.execute_script("""
        const p = PLANKG, k = p.names.indexOf('城西科创大走廊');
        return k < 0 ? null : p.nodes.get(k).title;""")
    assert tip is not None and "出处（" in tip
    assert "杭州城西科创大走廊" in tip  # the sentence that prints the qualified name
    plans = set(re.findall(r"·《([^》]+)》", tip))
    assert len(plans) == 3, tip
    _no_errors(browser, "all.html")
    _open(browser, demo_views / "platforms.html")
    _wait_drawn(browser)
    tip = browser.execute_script("""
        const p = PLANKG, k = p.names.indexOf('城西科创大走廊');
        return k < 0 ? null : p.nodes.get(k).title;""")
    assert tip is not None and len(set(re.findall(r"·《([^》]+)》", tip))) == 3, tip
    _no_errors(browser, "platforms.html")


# --- issue 18, item 4: views for a corpus (see test_corpus_views.py for the corpus) --------------
def test_a_folder_of_views_loads_its_one_library(browser, corpus_views):
    from plankg.viz.html import LIB_TABLE_JS, LIB_VIEW_CSS, LIB_VIEW_JS, LIB_VIS_JS

    _, out, _ = corpus_views
    lib = (out / "lib").resolve().as_uri() + "/"
    graph_lib = sorted(lib + name for name in (LIB_VIS_JS, LIB_VIEW_JS, LIB_VIEW_CSS))
    pages = [out / "all.html", next(out.glob("plan-*.html")), next(out.glob("department-*.html")),
             out / "query-responsibility_matrix.html"]
    for page in pages:
        requested = _requests(browser, page)  # and nothing failed
        assert sorted(requested) == graph_lib, page.name  # the one copy, from file://, and nothing else
        _wait_drawn(browser)
        _no_errors(browser, page.name)
        state = browser.execute_script("""
            const p = PLANKG;
            return {drawn: p.network.body.nodeIndices.length, total: p.data.nodes.length, first: p.searchFirst};""")
        if not state["first"]:
            assert state["drawn"] == state["total"] > 0, page.name
    for page in (out / "responsibility.html", next(out.glob("responsibility-*.html")), out / "index.html"):
        requested = _requests(browser, page)
        assert requested == ([] if page.name == "index.html" else [lib + LIB_TABLE_JS]), page.name
        _no_errors(browser, page.name)
        if page.name != "index.html":
            _wait_table(browser)
            assert browser.execute_script("return document.querySelectorAll('#matrix tbody tr').length") > 0


def test_a_view_whose_library_is_missing_says_so(browser, corpus_views, tmp_path):
    _, out, _ = corpus_views
    alone = tmp_path / "all.html"  # copied without lib/
    alone.write_bytes((out / "all.html").read_bytes())
    browser.get(alone.as_uri())
    assert "请把 lib 文件夹与本文件放在同一文件夹中" in browser.find_element("id", "lib-missing").text
    assert _open(browser, out / "all.html") == []  # beside its lib/, the message is gone
    _wait_drawn(browser)
    assert not browser.find_element("id", "lib-missing").is_displayed()


def test_tables_page_sort_and_filter_in_the_browser(browser, corpus_views, tmp_path):
    from selenium.webdriver.support.ui import Select

    from plankg.viz.tables import responsibility_matrix, write_matrix_html

    store, out, _ = corpus_views
    matrix = responsibility_matrix(store)
    whole = write_matrix_html(matrix, tmp_path / "matrix.html")  # one self-contained file, 1,440 rows
    assert _open(browser, whole) == []
    _wait_table(browser)
    _no_errors(browser, whole.name)

    def state():
        return browser.execute_script("""
            const rows = Array.from(document.querySelectorAll('#matrix tbody tr'));
            return {rows: rows.length, refs: rows.map(r => r.cells[2].textContent),
                    texts: rows.map(r => r.cells[3].textContent),
                    info: document.getElementById('page-info').textContent,
                    count: document.getElementById('count').textContent};""")

    first = state()
    assert first["rows"] == 100 and first["info"].startswith("第 1 / 15 页")
    assert first["count"] == f"显示 {len(matrix.tasks)} / {len(matrix.tasks)} 行"
    assert first["texts"] == [t.text for t in matrix.tasks[:100]]
    browser.find_element("id", "next").click()
    second = state()
    assert second["info"].startswith("第 2 / 15 页（第 101–200 行）")
    assert second["texts"] == [t.text for t in matrix.tasks[100:200]]
    Select(browser.find_element("id", "page-size")).select_by_visible_text("500")
    assert state()["info"].startswith("第 1 / 3 页") and state()["rows"] == 500
    box = browser.find_element("id", "filter")
    box.send_keys("第7号第3项")
    found = state()
    assert found["rows"] == 1 and found["texts"][0].startswith("第7号第3项：")
    assert found["count"] == f"显示 1 / {len(matrix.tasks)} 行" and browser.find_element("id", "next").get_attribute(
        "disabled")
    box.clear()
    box.send_keys("x")  # clear() sends no input event: type and delete
    box.send_keys("\b")
    keji = next(d for d in matrix.departments if d.name == "宁波市科学技术局")
    Select(browser.find_element("id", "dept")).select_by_visible_text(f"{keji.name}（{keji.tasks}）")
    scoped = state()
    assert scoped["count"] == f"显示 {keji.tasks} / {len(matrix.tasks)} 行"
    # a click on a header sorts by it: 编号 with numbers in numeric order (一.2 before 一.10)
    browser.find_element("xpath", "//thead/tr/th[text()='编号']").click()
    refs = state()["refs"]
    assert browser.execute_script("""const r = arguments[0];
        return r.every((x, i) => i === 0 || r[i - 1].localeCompare(x, 'zh-Hans-CN', {numeric: true}) <= 0);""", refs)
    assert len(refs) == keji.tasks and refs.index("一.2") < refs.index("一.10")
    _shot(browser, "matrix-paged")
    # a part of the folder, with the script from lib/: typing filters it
    part = next(out.glob("responsibility-*.html"))
    assert _open(browser, part) == []
    _wait_table(browser)
    browser.find_element("id", "filter").send_keys("第2项")
    assert state()["rows"] == 1
    _no_errors(browser, part.name)


def test_the_corpus_graph_opens_on_a_search_and_draws_a_neighbourhood(browser, corpus_views):
    _, out, _ = corpus_views
    everything = out / "all.html"
    assert _open(browser, everything) == []
    _wait_drawn(browser)
    _no_errors(browser, everything.name)
    start = browser.execute_script(_COUNTS)
    total = browser.execute_script("return PLANKG.data.nodes.length")
    assert start["nodes"] == 0 and start["stats"].startswith(f"显示 0 / {total} 个节点")  # nothing drawn
    explore = browser.find_element("id", "explore")
    assert explore.is_selected() and not explore.is_enabled()
    suggestions = browser.find_elements("css selector", "#results li")
    assert suggestions[0].text == "从这些节点开始（12）" and len(suggestions) == 13
    assert browser.switch_to.active_element.get_attribute("id") == "search"
    _shot(browser, "corpus-opens-on-search")

    def neighbourhood(k):
        return browser.execute_script("""
            const k = arguments[0], near = new Set([k]);
            PLANKG.edges.get().forEach(e => { if (e.from === k) near.add(e.to); if (e.to === k) near.add(e.from); });
            return Array.from(near).sort((a, b) => a - b);""", k)

    box = browser.find_element("id", "search")
    box.send_keys("宁波市科学技术局")
    box.send_keys("\n")
    names = browser.execute_script("return PLANKG.names")
    keji = names.index("宁波市科学技术局")
    shown = sorted(browser.execute_script("return PLANKG.network.body.nodeIndices"))
    assert shown == neighbourhood(keji) and 1 < len(shown) < total
    _shot(browser, "corpus-neighbourhood")
    browser.find_element("id", "reset").click()  # back to the search, not to every node
    assert browser.execute_script("return PLANKG.network.body.nodeIndices.length") == 0
    first = browser.find_elements("css selector", "#results li")[1]
    name = first.text.removeprefix(first.find_element("css selector", ".kind").text)
    first.click()  # a suggested node starts the drawing too
    shown = sorted(browser.execute_script("return PLANKG.network.body.nodeIndices"))
    assert shown == neighbourhood(names.index(name))
    _no_errors(browser, everything.name)
