#!/usr/bin/env python3
"""Prints the visit notes with headless Chromium to PDF, on A4 and on US Letter, and reads the
pages back with pdftotext: the example journals fit on 4 pages, page 1 holds every page-1 item,
every page names the person and says "page n of N", and a stress journal (10 plan items, six
months, a daily medicine, 100+ notes, 13 open questions) loses no item, column or question.

It also measures the charts' text in Chromium (measure_chart_text): at least 12 CSS px on a
390 px wide phone, and at least 8 pt on the printed page.

Usage: print_check.py TEND SOURCE_DIR. Exits 77 (skipped) with a message when Chromium or
pdftotext is missing; tests/build-and-test installs both (Debian: chromium, poppler-utils).
"""
import concurrent.futures
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
tend, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
    print("skipped: the print test needs chromium and pdftotext (apt-get install chromium "
          "poppler-utils; tests/build-and-test installs them)")
    sys.exit(SKIP)

failures = []
NOW = "2026-11-25T10:00:00+01:00"


def check(condition, message):
    if not condition:
        failures.append(message)


def export_html(folder, journal, period, out):
    env = dict(os.environ, TEND_NOW=NOW, TZ="Europe/Berlin")
    command = [tend, "--dir", journal, "export", "-o", out]
    if period:
        command.insert(4, period)
    subprocess.run(command, check=True, cwd=folder, env=env, stdout=subprocess.DEVNULL)


def print_pdf(folder, html, paper):
    """The HTML printed on `paper` (A4 or letter): the test adds the paper size, the notes don't."""
    with open(html, encoding="utf-8") as file:
        text = file.read()
    sized = html.replace(".html", f"-{paper}.html")
    with open(sized, "w", encoding="utf-8") as file:
        file.write(text.replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>"))
    pdf = sized.replace(".html", ".pdf")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={sized}.profile", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", "file://" + sized],
                   check=True, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=60)
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    return pdf, [page for page in pages if page.strip()]


# Appended to a copy of the notes: writes the smallest chart text as Chromium lays it out, in CSS
# px (a text's font size in the SVG's units times the SVG's scale on the screen, rotated or
# not), and the page's width, into the page.
MEASURE = """<script>
let smallest = Infinity, count = 0;
for (const text of document.querySelectorAll("svg text")) {
  const matrix = text.getScreenCTM();
  const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
  smallest = Math.min(smallest, size); count++;
}
const out = document.createElement("pre"); out.id = "measured";
out.textContent = "smallest=" + smallest.toFixed(2) + " texts=" + count +
                  " width=" + document.documentElement.getBoundingClientRect().width;
document.body.appendChild(out);
</script>"""


def measure_chart_text(folder, html, width, as_printed):
    """The smallest chart text (CSS px) and how many texts there are, laid out by Chromium on a
    page `width` CSS px wide. Headless Chromium's window is at least 500 px wide, so the page's
    root element is given the width instead: the notes have no media query on the width and no
    vw unit, so the layout is the one of a window that wide. as_printed: with the print rules
    applied on screen (@media print read as @media all), as wide as the printed page inside its
    margins."""
    with open(html, encoding="utf-8") as file:
        text = file.read()
    if as_printed:
        text = text.replace("@media print", "@media all")
    text = text.replace("</head>", f"<style>html {{ width: {width}px; }}</style></head>")
    measured = html.replace(".html", f"-measure-{width}.html")
    with open(measured, "w", encoding="utf-8") as file:
        file.write(text.replace("</body>", MEASURE + "</body>"))
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={measured}.profile", f"--window-size={width},844",
                          "--dump-dom", "file://" + measured],
                         check=True, cwd=folder, capture_output=True, text=True, timeout=60).stdout
    found = re.search(r"smallest=([0-9.]+) texts=([0-9]+) width=([0-9.]+)", dom)
    if not found or float(found.group(3)) != width:
        return 0.0, 0
    return float(found.group(1)), int(found.group(2))


def check_every_page(label, pages, name):
    for number, page in enumerate(pages, 1):
        check(name in page, f"{label}: page {number} lacks the name {name}")
        check(f"page {number} of {len(pages)}" in page,
              f"{label}: page {number} lacks 'page {number} of {len(pages)}'")


# The page-1 items of the issue, as each example's notes word them.
PAGE_ONE = ["At a glance", "Outcomes and progress", "→", "(n=", "Plan adherence", "Flags",
            "Open questions", "(asked "]
EXAMPLES = {
    "pelvic-floor": ("Alex", "2026-10-07..2026-11-22",
                     ["Botox 100 units", "Timeline", "Pain during sex (0-10)",
                      "Penetration possible: yes in 6 of 7", "Dilator size: 4 (22 mm) since",
                      "In the patient's words", "meaningful change"]),
    "migraine": ("Robin", None, ["Migraine logged on"]),
    "physio": ("Jordan", None, []),
    "gut": ("Kim", None, []),
}

with tempfile.TemporaryDirectory() as folder:
    # Chromium takes seconds to start: the prints run side by side.
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)
    prints = {}
    for example, (name, period, extra) in EXAMPLES.items():
        html = os.path.join(folder, f"{example}.html")
        export_html(folder, os.path.join(source, "examples", example), period, html)
        for paper in ("A4", "letter"):
            prints[(example, paper)] = pool.submit(print_pdf, folder, html, paper)
    # The stress journal.
    journal = os.path.join(folder, "stress")
    os.makedirs(os.path.join(journal, "journal"))
    shutil.copy(os.path.join(source, "examples", "pelvic-floor", "tend.toml"), journal)
    items = [("kegels", "3/day", "Kegels morning to night"), ("dilate", "daily", "Dilator"),
             ("stretch", "daily", "Happy baby"), ("cardio", "3/week", "Cardio"),
             ("massage", "every 2d", "Internal massage"), ("relax", "daily", "Breathing"),
             ("stretch", "daily", "Child's pose"), ("stretch", "daily", "Butterfly"),
             ("relax", "2/week", "Body scan"), ("cardio", "weekly", "Long walk")]
    with open(os.path.join(journal, "plan.toml"), "w", encoding="utf-8") as file:
        for kind, schedule, label in items:
            file.write(f'[[item]]\nkind = "{kind}"\nschedule = "{schedule}"\n'
                       f'start = 2026-06-01\nname = "{label}"\n\n')
    start = datetime.date(2026, 6, 1)
    months = {}
    questions = []
    for offset in range((datetime.date(2026, 11, 24) - start).days + 1):
        day = start + datetime.timedelta(days=offset)
        out = months.setdefault(day.strftime("%Y-%m"), [])
        today = []

        def entry(hour, kind, fields="", note=""):
            stamp = f"{day.isoformat()}T{hour:02d}:00:00+01:00"
            text = f'[[entry]]\nat = {stamp}\nkind = "{kind}"\n{fields}'
            if note:
                text += f'note = "{note}"\n'
            today.append((hour, text))

        entry(7, "med", 'name = "amitriptyline"\ndose = "10 mg"\n')
        for hour in (8, 13, 19):
            entry(hour, "kegels", "sets = 3\nreps = 10\n")
        entry(20, "dilate", f"size = {1 + offset // 40}\nminutes = 15\npain = {max(0, 7 - offset // 25)}\n",
              f"Day {offset}: steady, a little easier than last week." if offset % 2 == 0 else "")
        entry(9, "stretch", 'pose = "happy-baby"\nminutes = 5\n')
        if offset % 3:
            entry(10, "relax", "minutes = 10\n")
        if offset % 2 == 0:
            entry(21, "massage", "minutes = 10\n")
        if offset % 7 in (1, 3, 5):
            entry(17, "cardio", 'minutes = 30\nactivity = "walk"\n')
        if offset % 7 == 6:
            entry(22, "sex", f"pain = {max(1, 8 - offset // 30)}\npenetration = true\n",
                  "Slowly, with a lot of lube.")
        if offset % 13 == 4 and len(questions) < 13:
            question = f"Question {len(questions) + 1}: is this normal after week {offset // 7}?"
            questions.append(question)
            entry(18, "question", "answered = false\n", question)
        out.extend(text for _, text in sorted(today))
    for month, texts in months.items():
        with open(os.path.join(journal, "journal", f"{month}.toml"), "w", encoding="utf-8") as file:
            file.write("\n".join(texts))
    result = subprocess.run([tend, "--dir", journal, "check"], capture_output=True, text=True,
                            env=dict(os.environ, TEND_NOW=NOW, TZ="Europe/Berlin"))
    check(result.returncode == 0, f"stress journal: check failed: {result.stdout}{result.stderr}")
    html = os.path.join(folder, "stress.html")
    export_html(folder, journal, "2026-06-01..2026-11-24", html)
    stress = {paper: pool.submit(print_pdf, folder, html, paper) for paper in ("A4", "letter")}

    # A trial's journal: three outcomes (a questionnaire, a 0-100 score, a weight), long notes
    # on them, eight long open questions, two procedures, a flag and a dilator progression. Page
    # 1 must still hold every item (PageOneLimits: two outcomes in full, the third in a line,
    # three questions and three quotes, each on a line or two).
    trial = os.path.join(folder, "trial")
    os.makedirs(os.path.join(trial, "journal"))
    with open(os.path.join(source, "examples", "pelvic-floor", "tend.toml"), encoding="utf-8") as file:
        settings = file.read()
    settings = re.sub(r'(?m)^outcomes = .*$', 'outcomes = ["fsfi.score", "rating.score", "weight.kg"]',
                      settings)
    settings = re.sub(r'(?m)^name = .*$', 'name = "Sam Trial"', settings)
    settings += (
        '\n[kinds.fsfi]\nlabel = "FSFI questionnaire"\nprimary = "score"\n'
        'fields.score = { type = "int", min = 2, max = 36, phrase = "FSFI total score" }\n'
        '\n[kinds.rating]\nprimary = "score"\nfields.score = { type = "scale", min = 0, '
        'max = 100, better = "higher", phrase = "function score" }\n'
        '\n[kinds.weight]\nprimary = "kg"\nfields.kg = { type = "number", phrase = "weight" }\n')
    with open(os.path.join(trial, "tend.toml"), "w", encoding="utf-8") as file:
        file.write(settings)
    with open(os.path.join(trial, "plan.toml"), "w", encoding="utf-8") as file:
        file.write('[[item]]\nkind = "dilate"\nschedule = "daily"\nstart = 2026-10-20\n')
    long_note = ("I filled in the questionnaire after a difficult week: the first days were fine, "
                 "then the pain came back on Thursday evening and stayed until Saturday morning, "
                 "which frightened me because it felt like the start. It eased on Sunday.")
    trial_entries = [
        '[[entry]]\nat = 2026-06-15T09:00:00+02:00\nkind = "procedure"\nname = "Botox"\n'
        'units = 100\n',
        '[[entry]]\nat = 2026-09-01T09:00:00+02:00\nkind = "procedure"\nname = "nerve block"\n']
    november = []
    for day in range(1, 25):
        november.append(f'[[entry]]\nat = 2026-11-{day:02d}T20:00:00+01:00\nkind = "dilate"\n'
                        f'size = {1 + day // 8}\nminutes = 15\npain = 4\n')
        if day in (2, 3, 4, 22, 23, 24):
            score = 15 if day < 10 else 30
            note = f'note = "{long_note} Day {day}."\n' if day in (23, 24) else ""
            if day == 4:
                note = 'note = "Better than I feared."\n'
            november.append(f'[[entry]]\nat = 2026-11-{day:02d}T10:00:00+01:00\nkind = "fsfi"\n'
                            f'score = {score}\n{note}')
            november.append(f'[[entry]]\nat = 2026-11-{day:02d}T10:10:00+01:00\n'
                            f'kind = "rating"\nscore = {score * 2}\n')
            november.append(f'[[entry]]\nat = 2026-11-{day:02d}T10:20:00+01:00\n'
                            f'kind = "weight"\nkg = {60 + day // 10}\n')
        if day in (10, 11, 12):
            november.append(f'[[entry]]\nat = 2026-11-{day:02d}T15:00:00+01:00\nkind = "pain"\n'
                            'level = 7\n')
        if 11 <= day <= 18:
            november.append(f'[[entry]]\nat = 2026-11-{day:02d}T18:00:00+01:00\n'
                            f'kind = "question"\nanswered = false\nnote = "Question {day - 10}: '
                            'is it normal that the pain comes back after a good week, and should '
                            'I go back one size?"\n')
    with open(os.path.join(trial, "journal", "2026-06.toml"), "w", encoding="utf-8") as file:
        file.write(trial_entries[0])
    with open(os.path.join(trial, "journal", "2026-09.toml"), "w", encoding="utf-8") as file:
        file.write(trial_entries[1])
    with open(os.path.join(trial, "journal", "2026-11.toml"), "w", encoding="utf-8") as file:
        file.write("\n".join(november))
    result = subprocess.run([tend, "--dir", trial, "check"], capture_output=True, text=True,
                            env=dict(os.environ, TEND_NOW=NOW, TZ="Europe/Berlin"))
    check(result.returncode == 0, f"trial journal: check failed: {result.stdout}{result.stderr}")
    html = os.path.join(folder, "trial.html")
    export_html(folder, trial, "2026-11-01..2026-11-25", html)
    trial_prints = {paper: pool.submit(print_pdf, folder, html, paper) for paper in ("A4", "letter")}

    # Chart text, measured: on a 390 px phone (16 px of body padding each side) and on A4, whose
    # 210 mm less 15 mm margins each side is 180 mm, 680 CSS px (96 px to the inch; Letter's
    # printed width is wider, so its charts are no smaller). 1 CSS px is 0.75 pt.
    example_html = os.path.join(folder, "pelvic-floor.html")
    phone = pool.submit(measure_chart_text, folder, example_html, 390, False)
    printed = pool.submit(measure_chart_text, folder, example_html, 680, True)

    for (example, paper), job in prints.items():
        name, period, extra = EXAMPLES[example]
        label = f"{example} on {paper}"
        pdf, pages = job.result()
        check(1 <= len(pages) <= 4, f"{label}: {len(pages)} pages, more than 4")
        for item in PAGE_ONE + extra:
            check(item in pages[0], f"{label}: page 1 lacks {item!r}")
        check_every_page(label, pages, name)
        if os.environ.get("TEND_PRINT_KEEP"):
            shutil.copy(pdf, os.path.join(os.environ["TEND_PRINT_KEEP"], os.path.basename(pdf)))

    for paper in ("A4", "letter"):
        label = f"stress journal on {paper}"
        pdf, pages = stress[paper].result()
        if os.environ.get("TEND_PRINT_KEEP"):
            shutil.copy(pdf, os.path.join(os.environ["TEND_PRINT_KEEP"], os.path.basename(pdf)))
        text = "\n".join(pages)
        flat = re.sub(r"\s+", " ", text)
        check_every_page(label, pages, "Alex")
        for _, _, item in items:
            # In the items table and in each per-week table (26 weeks: 4 tables of up to 8).
            check(flat.count(item.replace("'", "’")) + flat.count(item) >= 5,
                  f"{label}: plan item {item!r} is missing from a table")
        check(flat.count("Overall") >= 5, f"{label}: an Overall row is missing")
        # The last week's column of every per-week table is on the page.
        for week in ("20 Jul", "14 Sep", "9 Nov", "23 Nov"):
            check(week in flat, f"{label}: the week of {week} is cut off")
        for question in questions:
            check(question in flat, f"{label}: open question {question!r} is missing")
        check(len(questions) == 13, "stress journal: 13 questions")

    # The trial's page 1: each item, the third outcome in its line, the first questions and the
    # patient's words (shortened), with pointers to the rest.
    trial_page_one = ["At a glance", "Botox 100 units", "nerve block", "Outcomes and progress",
                      "FSFI total score (2-36): 15, 15, 15 (n=3", "Function score (0-100): 30, 30",
                      "FSFI total score (2-36): 15, 15, 15 (n=3, 2-8 Nov) → 30, 30, 30 (n=3, 16-25 Nov): mean 15 "
                      "points higher, a meaningful change",
                      "Also (in full after page 1): Weight: mean 60 → 62 (n=3, 3): mean 2 higher",
                      "Dilator size: 4 (22 mm) since 24 Nov",
                      "Plan adherence", "Timeline", "Flags", "Pain 6 or more on 3 days",
                      "Open questions", "Question 1: is it normal that the pain comes back after a good "
                      "week, and should I go back one size? (asked 11 Nov)",
                      "Question 3: is it normal",
                      "And 5 more, asked 14-18 Nov; all 8 in full after page 1.",
                      "In the patient's words", "24 Nov, FSFI questionnaire: I filled in",
                      "4 Nov, FSFI questionnaire: Better than I feared.",
                      "Shortened here; in full under Notes."]
    for paper in ("A4", "letter"):
        label = f"trial journal on {paper}"
        pdf, pages = trial_prints[paper].result()
        if os.environ.get("TEND_PRINT_KEEP"):
            shutil.copy(pdf, os.path.join(os.environ["TEND_PRINT_KEEP"], os.path.basename(pdf)))
        check(1 <= len(pages) <= 4, f"{label}: {len(pages)} pages, more than 4")
        first = re.sub(r"\s+", " ", pages[0])
        for item in trial_page_one:
            check(item in first, f"{label}: page 1 lacks {item!r}")
        check("Question 4:" not in first, f"{label}: page 1 holds more than 3 questions")
        check_every_page(label, pages, "Sam Trial")
        rest = re.sub(r"\s+", " ", "\n".join(pages[1:]))
        for item in ("Continued from page 1", "Weight: 60, 60, 60 (n=3, 2-8 Nov) → 62, 62, 62 (n=3, 16-25 Nov): mean 2 higher",
                     "Question 8: is it normal that the pain comes back after a good week, and "
                     "should I go back one size? (asked 18 Nov)",
                     "which frightened me because it felt like the start. It eased on Sunday. "
                     "Day 24."):
            check(item in rest, f"{label}: the pages after page 1 lack {item!r}")

    phone_px, phone_texts = phone.result()
    printed_px, printed_texts = printed.result()
    print(f"chart text: smallest {phone_px:.2f} px on a 390 px phone ({phone_texts} texts), "
          f"{printed_px * 0.75:.2f} pt printed on A4 ({printed_texts} texts)")
    check(phone_texts > 20, f"phone: only {phone_texts} chart texts measured")
    check(phone_px >= 12, f"phone: chart text {phone_px:.2f} px, under 12 px on a 390 px phone")
    check(printed_texts == phone_texts, f"print: {printed_texts} chart texts measured")
    check(printed_px * 0.75 >= 8, f"print: chart text {printed_px * 0.75:.2f} pt, under 8 pt")

for failure in failures:
    print("FAIL:", failure)
print(f"print check: {len(failures)} failures")
sys.exit(1 if failures else 0)
