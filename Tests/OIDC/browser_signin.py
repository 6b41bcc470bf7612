"""Sign-in through the real OpenID Connect provider (Tests/OIDC/provider.py, Authlib) in a browser.

Started by scripts/oidc-test after test_sign_in.py, with STYR_URL, PROVIDER_URL, ADMIN_EMAIL and
ADMIN_PASSWORD set (a Styr server configured for the provider with STYR_OIDC_CREATE_USERS=on, the
pre-registered user oidc.bruker@example.no and a local administrator). Headless Chromium through
Selenium:

1. the pre-registered user clicks «Logg inn med Testleverandør», signs in on the provider's own
   page and lands signed in on Styr;
2. the administrator maps a group to a role on /admin/innlogging/grupper (axe-core checks the page
   when axe-selenium-python is installed), and a new person in that group signs in through the
   provider and is created with the role.

Prints one line per check and closes with 'N passed, N failed'.
"""

import os
import shutil
import sys

import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

STYR = os.environ["STYR_URL"]
PROVIDER = os.environ["PROVIDER_URL"]
ADMIN_EMAIL = os.environ["ADMIN_EMAIL"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]
PRE_REGISTERED = {"sub": "test-subject-1", "email": "oidc.bruker@example.no", "name": "Oidc Bruker", "groups": []}
NEW_PERSON = {"sub": "test-subject-browser-2", "email": "ny.revisor@example.no", "name": "Nora Revisor", "groups": ["styr-revisorer"]}
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f" — {detail}"), flush=True)


def provider(path, body):
    requests.post(PROVIDER + path, json=body, timeout=10).raise_for_status()


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--lang=nb-NO"]:
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


def wait(driver, condition, seconds=20):
    WebDriverWait(driver, seconds).until(lambda d: d.execute_script("return document.readyState") == "complete" and condition(d))


def click_and_wait(driver, element):
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 20).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
    wait(driver, lambda d: True)


def header_name(driver):
    names = driver.find_elements(By.CSS_SELECTOR, "header form.account span")
    return names[0].text if names else ""


def sign_in_through_provider(driver, person):
    """Styr's login page → the provider's page (username typed, button clicked) → back on Styr."""
    driver.get(STYR + "/logg-inn")
    wait(driver, lambda d: True)
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Logg inn med Testleverandør"))
    at_provider = driver.current_url.startswith(PROVIDER) and bool(driver.find_elements(By.ID, "username"))
    check(f"{person['email']}: the provider's own sign-in page is shown", at_provider, driver.current_url)
    if not at_provider:
        return
    driver.find_element(By.ID, "username").send_keys(person["email"])
    click_and_wait(driver, driver.find_element(By.ID, "provider-sign-in"))
    wait(driver, lambda d: d.current_url.startswith(STYR))
    check(f"{person['email']}: back on Styr, signed in", header_name(driver) == person["name"],
          f"{driver.current_url} header «{header_name(driver)}»")


def axe_check(driver, name):
    try:
        from axe_selenium_python import Axe
    except ImportError:
        print(f"skip axe: {name} (axe-selenium-python is not installed)")
        return
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    check(f"axe: {name} has no violations", not violations, [v["id"] for v in violations])


driver = browser()
try:
    provider("/_test/login-page", {"on": True})
    provider("/_test/user", PRE_REGISTERED)

    # 1. The pre-registered user.
    sign_in_through_provider(driver, PRE_REGISTERED)
    driver.get(STYR + "/konto")
    wait(driver, lambda d: True)
    check("pre-registered user: /konto is theirs", PRE_REGISTERED["email"] in driver.page_source, driver.current_url)
    driver.delete_all_cookies()

    # 2. The administrator maps a group in the app; a new person of that group signs in.
    driver.get(STYR + "/logg-inn")
    wait(driver, lambda d: True)
    driver.find_element(By.ID, "epost").send_keys(ADMIN_EMAIL)
    driver.find_element(By.ID, "passord").send_keys(ADMIN_PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    driver.get(STYR + "/admin/innlogging/grupper")
    wait(driver, lambda d: True)
    check("admin: the group mapping page opens", "Gruppekoblinger for innlogging" in driver.page_source, driver.current_url)
    axe_check(driver, "group mappings (empty)")
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//button[normalize-space()='Legg til koblingen']"))
    check("admin: an empty form is refused beside its fields", "gruppe-error" in driver.page_source)
    axe_check(driver, "group mappings with errors")
    driver.find_element(By.ID, "gruppe").send_keys("styr-revisorer")
    driver.find_element(By.CSS_SELECTOR, "#rolle option[value=auditor]").click()
    driver.find_element(By.CSS_SELECTOR, "#organisasjon option[value=UKE]").click()
    click_and_wait(driver, driver.find_element(By.XPATH, "//main//button[normalize-space()='Legg til koblingen']"))
    check("admin: the mapping is saved", "«styr-revisorer» gir nå rollen revisor i «UKE»" in driver.page_source,
          driver.page_source[:400])
    axe_check(driver, "group mappings")
    driver.delete_all_cookies()

    provider("/_test/user", NEW_PERSON)
    sign_in_through_provider(driver, NEW_PERSON)
    driver.get(STYR + "/konto")
    wait(driver, lambda d: True)
    check("new person: created with the mapped role (Revisor in UKE)",
          NEW_PERSON["email"] in driver.page_source and "Revisor" in driver.page_source and "UKE" in driver.page_source,
          driver.find_element(By.TAG_NAME, "main").text[:300])
finally:
    driver.quit()
    try:
        provider("/_test/user", PRE_REGISTERED)
        provider("/_test/login-page", {"on": False})
    except requests.RequestException:
        pass

passed, failed = results.count(True), results.count(False)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
