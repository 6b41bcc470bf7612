"""The accounting report's XLSX, opened by LibreOffice as a person would, holds the CSV's numbers.

Usage: xlsx_test.py BASE_URL SERVE_LOG   (the log of `styr serve --demo`, for a demo password)
Converts the XLSX with `soffice --headless --convert-to csv` (cell values, not as shown) and
compares every amount, row by row, with the CSV download of the same report.
"""
import csv
import http.cookiejar
import io
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

base, log_path = sys.argv[1], sys.argv[2]
email = "leder@uke.styr.demo"
password = re.search(re.escape(email) + r"\s+(\S+)", open(log_path, encoding="utf-8").read()).group(1)
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
form = opener.open(base + "/logg-inn").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
opener.open(base + "/logg-inn", urllib.parse.urlencode({"_csrf": token, "epost": email, "passord": password, "neste": "/"}).encode())

report = base + "/organisasjoner/UKE/regnskapsrapport/2020?periode=t2"
csv_text = opener.open(report + "&format=csv").read().decode("utf-8-sig")
xlsx = opener.open(report + "&format=xlsx").read()
assert xlsx[:2] == b"PK", "not a zip"

with tempfile.TemporaryDirectory() as work:
    path = os.path.join(work, "rapport.xlsx")
    open(path, "wb").write(xlsx)
    # Field separator ;, text delimiter ", UTF-8, from line 1, …, token 9 false: values, not as shown.
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                    'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false', "--outdir", work, path],
                   check=True, capture_output=True, timeout=180)
    converted = open(os.path.join(work, "rapport.csv"), encoding="utf-8").read()

ours = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
theirs = list(csv.reader(io.StringIO(converted), delimiter=";"))
assert len(ours) == len(theirs), f"{len(ours)} rows in the CSV, {len(theirs)} in LibreOffice's reading of the XLSX"
numbers = 0
for number, (a, b) in enumerate(zip(ours, theirs), start=1):
    for column, (x, y) in enumerate(zip(a, b)):
        if re.fullmatch(r"-?\d+", x):
            assert re.fullmatch(r"-?\d+(\.0+)?", y) and int(float(y)) == int(x), f"row {number}, column {column + 1}: CSV {x}, XLSX {y}"
            numbers += 1
assert numbers > 50, f"only {numbers} amounts compared"
print(f"XLSX read by LibreOffice: {len(theirs)} rows, {numbers} amounts equal to the CSV's")
