"""The report workflow walked in headless Chromium by the agency's editor, its leader and the
department's steerer (issue 15), with axe-core on each new page.

Starts `styr serve --demo` on a fresh SQLite file (helpers of browser_test.py), then:
- the editor writes the 1. tertial report 2020's summary and finds no submit button;
- the leader submits; the editor's texts are locked; the submitted version is frozen;
- FIN's steerer returns it with a comment (an empty comment is refused);
- the editor writes again, the leader resubmits, the steerer sees the difference, approves, publishes;
- the steerer of another department is refused the step.
Usage: python3 Tests/Browser/report_workflow_test.py [path/to/styr]. Exit 0 when all holds.
"""
import os, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_test as b  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

if len(sys.argv) > 1:
    b.STYR = sys.argv[1]


def press(driver, label):
    """Clicks the button with this text and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    button = next(e for e in driver.find_elements(By.CSS_SELECTOR, "main button[type=submit]") if e.text.strip() == label)
    button.click()
    WebDriverWait(driver, 15).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
    b.wait(driver, lambda d: True)


def buttons(driver):
    return [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "main button[type=submit]")]


def main():
    os.makedirs(b.SHOTS, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="styr-report-workflow-")
    server, base, credentials = b.start_server(workdir)
    driver = b.browser()
    page = base + "/organisasjoner/UKE/tertialrapport/2020/t1"
    flow = base + "/organisasjoner/UKE/rapporter/2020/tertialrapport/t1"
    try:
        editor, leader = "redaktor@uke.styr.demo", "leder@uke.styr.demo"
        fin, blk = "etatsstyrer@fin.styr.demo", "etatsstyrer@blk.styr.demo"

        b.login(driver, base, editor, credentials[editor])
        driver.get(page)
        b.check("Tertialrapport – 1. tertial 2020" in driver.page_source, "the editor opens the 1. tertial report")
        b.check("Send inn rapporten" not in buttons(driver), "the editor is offered no submit button")
        b.axe_check(driver, "tertial report page (editor, draft)")
        field = driver.find_element(By.ID, "tekst-sammendrag")
        field.clear()
        field.send_keys("Første versjon av sammendraget.")
        press(driver, "Lagre tekstene")
        b.check("Tekstene er lagret" in driver.page_source, "the editor saves the summary")
        b.check("Første versjon av sammendraget." in driver.page_source, "the report shows the summary")
        b.shot(driver, "tertial-report-draft")
        b.logout(driver)

        b.login(driver, base, leader, credentials[leader])
        driver.get(page)
        press(driver, "Send inn rapporten")
        b.check("Rapporten er sendt inn" in driver.page_source, "the leader submits the report")
        b.check("Sendt inn, venter på byrådsavdelingen" in driver.page_source, "the report waits for the department")
        b.logout(driver)

        b.login(driver, base, editor, credentials[editor])
        driver.get(page)
        b.check(not driver.find_elements(By.ID, "tekst-sammendrag"), "the editor's texts are locked after submission")
        b.check("Tekstene er låst" in driver.page_source, "the page says why the texts are locked")
        b.logout(driver)

        b.login(driver, base, fin, credentials[fin])
        driver.get(flow)
        b.check(buttons(driver) == ["Returner med kommentarer", "Godkjenn rapporten"], f"the steerer may return or approve ({buttons(driver)})")
        b.axe_check(driver, "report workflow page (steerer)")
        driver.get(flow + "/versjoner/1")
        b.check("Første versjon av sammendraget." in driver.page_source, "the steerer reads the frozen version")
        b.axe_check(driver, "frozen report version")
        driver.get(flow)
        driver.execute_script("document.getElementById('kommentar-returner').removeAttribute('required')")
        press(driver, "Returner med kommentarer")
        b.check("Skriv hva etaten skal endre" in driver.page_source, "returning without a comment is refused")
        driver.find_element(By.ID, "kommentar-returner").send_keys("Utdyp sammendraget.")
        press(driver, "Returner med kommentarer")
        b.check("Rapporten er returnert" in driver.page_source, "the steerer returns the report with a comment")
        b.logout(driver)

        b.login(driver, base, editor, credentials[editor])
        driver.get(page)
        b.check("Utdyp sammendraget." in driver.page_source, "the editor sees the department's comment")
        field = driver.find_element(By.ID, "tekst-sammendrag")
        field.clear()
        field.send_keys("Andre versjon av sammendraget.")
        press(driver, "Lagre tekstene")
        b.logout(driver)

        b.login(driver, base, leader, credentials[leader])
        driver.get(page)
        press(driver, "Send inn rapporten")
        b.logout(driver)

        b.login(driver, base, blk, credentials[blk])
        driver.get(flow)
        b.check(buttons(driver) == [], "the steerer of another department is offered no step")
        b.logout(driver)

        b.login(driver, base, fin, credentials[fin])
        driver.get(flow)
        b.check("Endringer fra versjon 1 til 2" in driver.page_source, "the steerer sees the difference from the returned version")
        b.check("Andre versjon av sammendraget." in driver.page_source, "the difference shows the new text")
        b.shot(driver, "report-workflow-diff")
        b.axe_check(driver, "report workflow page with a difference")
        press(driver, "Godkjenn rapporten")
        b.check("Rapporten er godkjent" in driver.page_source, "the steerer approves")
        press(driver, "Publiser rapporten")
        b.check("Rapporten er publisert" in driver.page_source and "Publisert" in driver.page_source, "the steerer publishes")
        driver.get(base + "/organisasjoner/UKE/tertialrapport/2020/t2")
        b.check("Publisert" in driver.page_source, "the demo's 2. tertial report 2020 is published")
        b.axe_check(driver, "tertial report page (published)")
        b.logout(driver)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{len(b.failures)} failure(s); screenshots in {b.SHOTS}")
    return 1 if b.failures else 0


if __name__ == "__main__":
    sys.exit(main())
