"""The review page at / in headless chromium, driven by selenium: paste, translate, see the
glossary term highlighted, edit a draft sentence (checked again by the server), download the XLIFF
and parse it."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server's dependencies: pip install 'kkaligner[server]'")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium drives the browser: pip install selenium")

from serving import ServerProcess  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs chromium and chromedriver (`apt-get install -y chromium chromium-driver`); "
    "the CI setup installs them where it can",
)

TEXT = "Бәйтерек кешені салынды.\nОл Байқоңырда тұр."


@pytest.fixture(scope="module")
def server(tiny_nllb_dir, tmp_path_factory):
    s = ServerProcess(tiny_nllb_dir, tmp_path_factory.mktemp("serve-page"), ["--no-memory"])
    yield s
    s.stop()


@pytest.fixture
def browser(tmp_path):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(predicate, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_review_page_translate_highlight_edit_download(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server.url + "/")
    box = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#glossaries input[value=terms]"))[0]
    box.click()
    browser.find_element(By.ID, "source-text").send_keys(TEXT)
    browser.find_element(By.ID, "translate").click()
    rows = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#draft tbody tr"))
    assert len(rows) == 2
    marks = rows[0].find_elements(By.CSS_SELECTOR, "td.source mark.term")
    term = next(m for m in marks if m.text == "Бәйтерек")
    assert "Baiterek" in term.get_attribute("title")
    status = set(term.get_attribute("class").split()) & {"applied", "forced", "missing"}
    assert len(status) == 1
    assert "Байқоңыр" in rows[1].find_element(By.CSS_SELECTOR, "td.source").text  # shipped glossary: Baikonur

    # Edit the first draft sentence; leaving the cell runs the checks again.
    cell = rows[0].find_element(By.CSS_SELECTOR, "td.target")
    browser.execute_script("arguments[0].focus(); arguments[0].textContent = arguments[1];", cell,
                           "Baiterek <complex> was built.")
    browser.find_element(By.ID, "source-text").click()
    row = wait(lambda: browser.find_elements(By.CSS_SELECTOR, "#draft tbody tr.checked"))[0]
    target_mark = row.find_element(By.CSS_SELECTOR, "td.target mark.term.applied")
    assert target_mark.text == "Baiterek"
    assert row.find_element(By.CSS_SELECTOR, "td.target").text == "Baiterek <complex> was built."
    assert not row.find_elements(By.CSS_SELECTOR, "td.target complex")  # text stays text

    browser.find_element(By.CSS_SELECTOR, ".downloads button[data-format=xliff]").click()
    saved = wait(lambda: [p for p in Path(browser.downloads).glob("*.xlf")])[0]
    wait(lambda: saved.stat().st_size > 0)
    targets, sources = _xliff_units(saved)
    assert targets[0] == "Baiterek <complex> was built."
    assert sources == ["Бәйтерек кешені салынды.", "Ол Байқоңырда тұр."]


def _xliff_units(path: Path) -> tuple[list[str], list[str]]:
    """Targets and sources of an XLIFF 2.1 file: translate-toolkit when installed, else lxml."""
    try:
        from translate.storage.xliff2 import Xliff2File
    except ImportError:
        from lxml import etree

        root = etree.parse(str(path)).getroot()
        return ([t.xpath("string()") for t in root.iter("{*}target")],
                [s.xpath("string()") for s in root.iter("{*}source")])
    units = [u for u in Xliff2File.parsestring(path.read_bytes()).units if not u.isheader()]
    return [str(u.target) for u in units], [str(u.source) for u in units]
