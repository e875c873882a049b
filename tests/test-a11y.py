#!/usr/bin/python3
# test-a11y.py
#
# Copyright 2026 The Brückenbuch authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Walks Brückenbuch's accessible tree over AT-SPI, as a screen reader sees it.

Starts the real program on fictional demo data (in a temporary folder), shows every view with
a record in its detail pane, opens the popovers of its menu buttons and the editors it opens,
then the preferences, and checks:

- every control (button, toggle, check box, entry, drop-down, switch, spin button, tab, …) and
  every other focusable widget has a name; GTK 4.8 reports the type name ("GtkImage",
  "GtkMenuButton") when a widget has none, so a type name in a name counts as none, and a
  mnemonic's underscore ("_Save Save") as a wrong name. Rows of lists may be named by their
  content instead: they must hold a label with text;
- the month view is named after its month and has one cell per day, named with the day and
  its events, and the dated one-off events of the demo data are in the cell of their day;
- the network picture names its centre and exposes its nodes and the kind of each link;
- the report's charts are named by their titles and expose every bar's label and value, the
  same as the CSV export of the same period.

Run with Debian's /usr/bin/python3 (python3-pyatspi) under a display; it starts its own D-Bus
session when there is none. Arguments: the path of the program. TAP on stdout.
"""

import csv
import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

PROGRAM_NAME = "brueckenbuch"
TIMEOUT = 20  # seconds to wait for the window or for a view to be filled
VIEWS = ["Shelters", "Network", "Consultations", "Calendar", "Report"]
# What GTK 4.8 calls a widget without an accessible name, alone or among the names it joins.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Bb)[A-Z][A-Za-z]*$")
HAS_TYPE_NAME = re.compile(r"\b(Gtk|Adw|Bb)[A-Z][A-Za-z]*\b")
# "_Leave Demo Leave Demo": GTK 4.8 names a button with a mnemonic by its raw label and its label.
MNEMONIC = re.compile(r"_\w")
# Lists of records (GtkListView, which offers list.select-all, and any list of more than
# LONG_LIST rows, like the invitees of an event) are walked only through their first rows and
# their last: one factory makes all of them, a last row may be another ("Add …").
LIST_SAMPLE = 3
LONG_LIST = 20


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} PATH-OF-BRUECKENBUCH")
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable] + sys.argv)
    if "DISPLAY" not in os.environ:
        print("Bail out! No display: run under xvfb-run (build-aux/test.sh does)")
        sys.exit(1)

    tap = Tap()
    folder = tempfile.mkdtemp(prefix="bb-a11y-")
    process = None
    try:
        database = os.path.join(folder, "demo.sqlite3")
        subprocess.run([sys.argv[1], f"--create-demo={database}"], check=True,
                       stdout=subprocess.DEVNULL)
        # Leaving the demo opens the own database: in the folder, as the file chooser's files.
        env = dict(os.environ, GTK_A11Y="atspi", XDG_DATA_HOME=os.path.join(folder, "data"),
                   XDG_CONFIG_HOME=os.path.join(folder, "config"),
                   XDG_CACHE_HOME=os.path.join(folder, "cache"))
        env.pop("NO_AT_BRIDGE", None)
        program = os.path.abspath(sys.argv[1])
        process = subprocess.Popen([program, f"--database={database}"], env=env, cwd=folder)
        run_checks(tap, program, database, process)
    except AssertionError as error:
        print(f"Bail out! {error}")
        sys.exit(1)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    tap.finish()


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, description, problems):
        """One TAP test; problems is a list of strings, empty when it passes."""
        self.n += 1
        if problems:
            self.failed += 1
            print(f"not ok {self.n} - {description}")
            for problem in problems:
                print(f"#   {problem}")
        else:
            print(f"ok {self.n} - {description}")
        sys.stdout.flush()

    def finish(self):
        print(f"1..{self.n}")
        sys.exit(1 if self.failed else 0)


# The tree ---------------------------------------------------------------------------------------

def wait_for(what, function, timeout=TIMEOUT):
    """Calls function until it returns something true, and returns that."""
    end = time.monotonic() + timeout
    while True:
        result = function()
        if result:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:  # a node that went away while we walked
        return []


def walk(node, ancestors=(), skip=()):
    """Yields (node, ancestors) depth first, without the subtrees of skip; lists of records
    only through their first rows and their last."""
    if node in skip:
        return
    yield node, ancestors
    kids = children(node)
    if len(kids) > LIST_SAMPLE + 1 and role(node) == pyatspi.ROLE_LIST \
       and (len(kids) > LONG_LIST or "list.select-all" in actions(node)):
        kids = kids[:LIST_SAMPLE] + kids[-1:]
    for child in kids:
        yield from walk(child, ancestors + (node,), skip)


def role(node):
    try:
        return node.getRole()
    except Exception:
        return None


def name(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def actions(node):
    try:
        action = node.queryAction()
        return [action.getName(i) for i in range(action.nActions)]
    except Exception:  # none, or GTK counted one it does not have
        return []


def do_action(node, action_name):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == action_name:
            action.doAction(i)
            return
    raise AssertionError(f"{describe(node)} has no action {action_name}")


def describe(node):
    try:
        tooltip = f" (description “{node.description}”)" if node.description else ""
    except Exception:
        tooltip = ""
    return f"{node.getRoleName()} “{name(node)}”{tooltip}"


def where(node, ancestors):
    """A readable path: the named ancestors, then the node."""
    steps = [describe(a) for a in ancestors if name(a) and not TYPE_NAME.match(name(a))]
    return " › ".join(steps[-4:] + [describe(node)])


def find(root, predicate, skip=()):
    for node, _ in walk(root, skip=skip):
        if predicate(node):
            return node
    return None


def find_all(root, predicate):
    return [node for node, _ in walk(root) if predicate(node)]


def has_text(node):
    """Whether a row is named by its content: a label with text in it."""
    for child, _ in walk(node):
        if role(child) == pyatspi.ROLE_LABEL and name(child).strip():
            return True
    return False


# Every control has a name ------------------------------------------------------------------------

def unnamed_controls(root, skip=()):
    """The controls and focusable widgets under root without a name, as readable paths."""
    n_controls = 0
    problems = []
    for node, ancestors in walk(root, skip=skip):
        node_role = role(node)
        node_states = states(node)
        if node_states is None:
            continue
        # Not only controls: a page of a stack is named with its raw title ("_People").
        if node_role not in CONTROL_ROLES and node_role not in TEXT_ROLES \
           and MNEMONIC.search(name(node)):
            problems.append(f"a mnemonic's underscore in the name: {where(node, ancestors)}")
            continue
        focusable = node_states.contains(pyatspi.STATE_FOCUSABLE)
        if node_role == pyatspi.ROLE_TEXT and not node_states.contains(pyatspi.STATE_EDITABLE):
            continue
        if node_role not in CONTROL_ROLES and not (focusable and node_role not in CONTAINER_ROLES):
            continue
        n_controls += 1
        node_name = name(node).strip()
        if MNEMONIC.search(node_name):
            problems.append(f"a mnemonic's underscore in the name: {where(node, ancestors)}")
            continue
        if node_name and not HAS_TYPE_NAME.search(node_name):
            continue
        if node_role in ROW_ROLES and has_text(node):
            continue
        problems.append(f"no name: {where(node, ancestors)}")
    if n_controls == 0:
        problems.append(f"no controls at all under {describe(root)}: the walk is broken")
    return problems


# The views -------------------------------------------------------------------------------------

def find_app(process):
    def lookup():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == process.pid:
                    return app
            except Exception:
                continue
        if process.poll() is not None:
            raise AssertionError(f"{PROGRAM_NAME} ended with status {process.returncode}")
        return None
    return wait_for("the application on the accessibility bus", lookup)


def main_window(app):
    return wait_for("the main window",
                    lambda: next((w for w in children(app) if role(w) == pyatspi.ROLE_FRAME
                                  and "win.search" in actions(w)), None))


def show_view(window, view):
    tab = find(window, lambda n: role(n) == pyatspi.ROLE_PAGE_TAB and name(n) == view)
    if tab is None:
        raise AssertionError(f"no tab “{view}” in the view switcher")
    do_action(tab, "click")
    wait_for(f"the tab “{view}” to be selected",
             lambda: states(tab).contains(pyatspi.STATE_SELECTED))


def select_first_row(root, list_name):
    """Selects the first row of a list through its AT-SPI Selection, as a screen reader can."""
    rows = wait_for(f"rows in the list “{list_name}”",
                    lambda: find(root, lambda n: role(n) == pyatspi.ROLE_LIST
                                 and name(n) == list_name and n.childCount > 0))
    rows.querySelection().selectChild(0)
    return rows[0]


def new_window(app, before, what):
    """Waits for a window of app that is not among before (GTK 4.8 shows a file chooser as a
    filler), and returns it."""
    return wait_for(what, lambda: next((w for w in children(app) if w not in before), None))


def open_window(app, owner, action_name):
    """Runs an action of a view that opens a window, and returns the new window."""
    before = set(children(app))
    do_action(owner, action_name)
    return new_window(app, before, f"the window of {action_name}")


def close_window(app, window):
    do_action(window, "window.close")
    wait_for("the window to close", lambda: window not in children(app))


def check_window(tap, app, owner, action_name, what):
    """Opens the window of an action, checks its names and closes it (a confirmation with its
    close response: nothing is deleted)."""
    window = open_window(app, owner, action_name)
    tap.check(f"every control of {what} ({action_name}) has a name", unnamed_controls(window))
    close_window(app, window)


def press(window, *xdotool):
    """Keys typed into window with xdotool (XTest), as from a keyboard. GTK 4.8 offers no way
    over AT-SPI to move the keyboard focus (GrabFocus fails) or to type, and Xvfb has no window
    manager: X gives the keys to the window under the pointer, so it is moved there first."""
    program = shutil.which("xdotool")
    if program is None:
        raise AssertionError("no xdotool (build-aux/setup.sh installs it)")
    box = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run([program, "mousemove", str(box.x + box.width // 2),
                    str(box.y + box.height // 2)] + list(xdotool), check=True)


def choose_file(app, chooser, path, button):
    """Answers GTK's own file chooser (GtkFileChooserNative without a portal) with path, typed
    into its location entry (Ctrl+L) or, when saving, its name entry, and its button."""
    wait_for("the file chooser's buttons", lambda: find(chooser, lambda n: name(n) == button))
    keys = ["ctrl+a"] if button == "Save" else ["ctrl+l"]
    press(chooser, "key", "--delay", "50", *keys, "type", "--delay", "5", path)
    # GTK 4.8 does not expose the entry's text: the button again until the keys are in.
    push = find(chooser, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON and name(n) == button)
    for _ in range(5):
        do_action(push, "click")
        try:
            wait_for("the file chooser to close", lambda: chooser not in children(app), 2)
            return
        except AssertionError:
            pass
    raise AssertionError(f"the file chooser did not take “{path}”")


def click_menu_item(window, menu_description, item_name):
    """Opens the menu button described so and clicks its item, as a screen reader user does."""
    menu = find(window, lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON
                and n.description == menu_description and "click" in actions(n))
    do_action(menu, "click")
    item = wait_for(f"the menu item “{item_name}”",
                    lambda: find(window, lambda n: name(n) == item_name
                                 and "click" in actions(n)
                                 and states(n).contains(pyatspi.STATE_SENSITIVE)))
    do_action(item, "click")


def menu_buttons(root, skip=()):
    """The menu buttons under root: GTK 4.8 shows a GtkMenuButton as a button holding the
    button that opens its popover."""
    return [(node, kids[0]) for node, _ in walk(root, skip=skip)
            if role(node) == pyatspi.ROLE_PUSH_BUTTON
            and (kids := children(node)) and role(kids[0]) == pyatspi.ROLE_PUSH_BUTTON
            and states(kids[0]).contains(pyatspi.STATE_SENSITIVE)]


def check_popovers(tap, root, where_, skip=()):
    """Opens the popover of every menu button under root, checks its names, closes it."""
    problems = []
    buttons = menu_buttons(root, skip)
    for button, opener in buttons:
        before = set(children(button))
        do_action(opener, "click")
        popover = wait_for(f"the popover of {describe(button)}",
                           lambda: next((c for c in children(button) if c not in before), None))
        problems += [f"in the popover of “{name(button)}”: {problem}"
                     for problem in unnamed_controls(popover)]
        do_action(opener, "click")
        wait_for(f"the popover of {describe(button)} to close",
                 lambda: popover not in children(button))
    if not buttons:
        problems.append(f"no menu buttons found in {where_}: the search for them is broken")
    tap.check(f"every control in the popovers of the {len(buttons)} menu buttons of {where_} "
              "has a name", problems)


def view_nodes(window):
    """The views by their tabs' names: the pages of the view stack in the tabs' order, found
    as the siblings of the shelters' view, which offers its widget actions over AT-SPI. Later
    searches look into one view only: walking the whole window takes seconds."""
    shelters = find(window, lambda n: role(n) == pyatspi.ROLE_FILLER
                    and "shelter-view.new" in actions(n))
    if shelters is None:
        raise AssertionError("no view with the action shelter-view.new")
    views = children(shelters.parent)
    if len(views) != len(VIEWS):
        raise AssertionError(f"the view stack has {len(views)} pages, not {len(VIEWS)}")
    return dict(zip(VIEWS, views))


# Content of the custom widgets -----------------------------------------------------------------

def check_month(tap, view, database):
    month = datetime.date.today().strftime("%B %Y")
    grid = wait_for(f"the month view named “{month}”",
                    lambda: find(view, lambda n: role(n) == pyatspi.ROLE_TABLE
                                 and name(n) == month))
    cells = [c for c in children(grid) if role(c) == pyatspi.ROLE_TABLE_CELL]
    problems = []
    if len(cells) != 42:
        problems.append(f"the month view has {len(cells)} day cells, not 6 weeks of 7 days")
    by_date = {}
    for cell in cells:
        match = re.match(r"^\w+, (\w+ \d+)(?:$|:)", name(cell))
        if not match:
            problems.append(f"a day cell is not named by its weekday and date: “{name(cell)}”")
            continue
        by_date[match.group(1)] = name(cell)
    tap.check("the month view exposes each day as a named cell", problems)

    # The one-off events of the demo data in the shown weeks, each in the cell of its day.
    today = datetime.date.today()
    first = today.replace(day=1)
    first -= datetime.timedelta(days=first.weekday())
    last = first + datetime.timedelta(days=42)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        events = db.execute("SELECT title, substr(starts_at, 1, 10) FROM event"
                            " WHERE rrule IS NULL AND substr(starts_at, 1, 10) >= ?"
                            " AND substr(starts_at, 1, 10) < ?",
                            (first.isoformat(), last.isoformat())).fetchall()
    problems = []
    if not events:
        problems.append("the demo data has no one-off events in the shown weeks to look for")
    for title, day in events:
        date = datetime.date.fromisoformat(day)
        key = f"{date.strftime('%B')} {date.day}"
        if title not in by_date.get(key, ""):
            problems.append(f"“{title}” on {day} is not in the cell “{by_date.get(key)}”")
    tap.check(f"the month view's cells name their events ({len(events)} one-off events)",
              problems)


def check_network(tap, view, database):
    row = select_first_row(view, "People")
    person = next(name(n) for n, _ in walk(row) if role(n) == pyatspi.ROLE_LABEL and name(n))
    graph = wait_for(f"the network picture “Network of {person}”",
                     lambda: find(view, lambda n: role(n) == pyatspi.ROLE_IMAGE
                                  and name(n) == f"Network of {person}"))
    exposed = " ".join([graph.description] + [name(n) + " " + n.description
                                              for n, _ in walk(graph) if n != graph])
    links, link_ends = expected_links(database, person)
    problems = [f"the link “{link}” is not exposed" for link in links if link not in exposed]
    if not links:
        problems.append(f"{person} has no links in the demo data to look for")
    tap.check(f"the network picture names its centre and its {len(links)} direct links",
              problems)
    nodes = [name(n) for n in children(graph) if role(n) == pyatspi.ROLE_PUSH_BUTTON]
    problems = [f"no node button for “{end}” among {nodes}" for end in link_ends
                if not any(node.startswith(f"{end} (") for node in nodes)]
    tap.check("each node of the network picture is a button named with its record", problems)


def show_recurring_date(window, view, database):
    """Shows one date of a recurring event in the detail pane: from today's cell of the month
    view, which has the focus after calendar.today, the arrow keys to a day with only that
    event, and Return."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        recurring = {title for (title,) in db.execute(
            "SELECT title FROM event WHERE rrule IS NOT NULL")}
    do_action(view, "calendar.show-month")
    do_action(view, "calendar.today")
    grid = find(view, lambda n: role(n) == pyatspi.ROLE_TABLE)
    cells = [c for c in children(grid) if role(c) == pyatspi.ROLE_TABLE_CELL]
    today = wait_for("the focus on today's cell",
                     lambda: next((i + 1 for i, c in enumerate(cells)
                                   if states(c).contains(pyatspi.STATE_FOCUSED)), None)) - 1
    target = next((i for i, c in enumerate(cells)
                   if (m := re.match(r"^[^:]+: \d\d:\d\d (.*)$", name(c)))
                   and m.group(1) in recurring), None)
    if target is None:
        raise AssertionError("no day with one recurring event alone in the month view")
    keys = ["Left" if target < today else "Right"] * abs(target - today) + ["Return"]
    press(window, "key", "--delay", "20", *keys)
    wait_for(f"the date “{name(cells[target])}” shown",
             lambda: "calendar.edit-occurrence" in actions(view))


# The words of BB_CODES_RELATION_TYPE (src/core/bb-codes.c) and of membership.
RELATION_KINDS = {
    "cooperates": "cooperates with", "member-of": "member of", "works-for": "works for",
    "refers-to": "refers to", "funds": "funds", "advises": "advises", "other": "other link",
}


def expected_links(database, person):
    """The links of the person, as the sentences the picture says them in, and the records
    at their ends."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        label = "trim(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))"
        row = db.execute(f"SELECT id, organisation_id FROM person WHERE {label} = ?",
                         (person,)).fetchone()
        if row is None:
            return [], set()
        person_id, organisation_id = row
        links = []
        ends = {person}
        if organisation_id is not None:
            (organisation,) = db.execute("SELECT name FROM organisation WHERE id = ?",
                                         (organisation_id,)).fetchone()
            links.append(f"{person} belongs to {organisation}")
            ends.add(organisation)
        for kind, from_person, from_org, to_person, to_org in db.execute(
                "SELECT kind, from_person_id, from_organisation_id, to_person_id,"
                " to_organisation_id FROM relation WHERE from_person_id = ? OR to_person_id = ?",
                (person_id, person_id)):
            pair = []
            for person_end, organisation_end in ((from_person, from_org), (to_person, to_org)):
                if person_end is not None:
                    (end,) = db.execute(f"SELECT {label} FROM person WHERE id = ?",
                                        (person_end,)).fetchone()
                else:
                    (end,) = db.execute("SELECT name FROM organisation WHERE id = ?",
                                        (organisation_end,)).fetchone()
                pair.append(end)
            links.append(f"{pair[0]} {RELATION_KINDS[kind]} {pair[1]}")
            ends.update(pair)
    return links, ends


def check_report(tap, program, view, database):
    today = datetime.date.today()
    first = today.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    output = os.path.join(os.path.dirname(database), "report.csv")
    subprocess.run([program, f"--database={database}", "--report=csv",
                    f"--from={first}", f"--to={last}", f"--output={output}"],
                   check=True, stdout=subprocess.DEVNULL)
    sections = {}
    with open(output, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    for i, row in enumerate(rows):
        if len(row) == 1 and row[0].startswith("Consultations by") and i + 1 < len(rows):
            bars = []
            for bar in rows[i + 2:]:
                if len(bar) != 2 or bar[0] == "Total":
                    break
                bars.append((bar[0], bar[1]))
            sections[row[0]] = bars

    problems = []
    if not sections:
        problems.append("the CSV export has no charts to compare with")
    for title, bars in sections.items():
        chart = wait_for(f"the chart “{title}”",
                         lambda: find(view, lambda n: role(n) == pyatspi.ROLE_IMAGE
                                      and name(n) == title and n.description))
        exposed = chart.description + " " + " ".join(
            name(n) for n, _ in walk(chart) if n != chart)
        for label, value in bars:
            if f"{label}: {value}" not in exposed:
                problems.append(f"the chart “{title}” does not expose “{label}: {value}”")
    tap.check(f"the report's {len(sections)} charts expose every bar's label and value",
              problems)


# All of it -------------------------------------------------------------------------------------

# Editors and dialogs the views open through their actions with a record shown, each walked
# for names and closed again: the delete and erase confirmations with their close response
# (people, organisations and consultations are deleted at once, with an undo toast).
EDITORS = {
    "Shelters": ["shelter-view.new", "shelter-view.edit", "shelter-view.delete"],
    "Network": ["network.new-person", "network.new-organisation", "network.add-link",
                "network.erase-person"],
    # With a date of a recurring event shown.
    "Calendar": ["calendar.new-event", "calendar.edit-event", "calendar.edit-occurrence",
                 "calendar.attendance", "calendar.export", "calendar.delete-event"],
}


def run_checks(tap, program, database, process):
    app = find_app(process)
    window = main_window(app)

    views = view_nodes(window)

    for view in VIEWS:
        show_view(window, view)
        if view == "Shelters":
            select_first_row(views[view], "Shelters")
        elif view == "Network":
            check_network(tap, views[view], database)
        elif view == "Consultations":
            select_first_row(views[view], "Consultations")
            # Its actions are not the view's own: the editor through its button.
            button = find(views[view], lambda n: role(n) == pyatspi.ROLE_PUSH_BUTTON
                          and name(n) == "New Consultation")
            editor = open_window(app, button, "click")
            tap.check("every control of the consultation editor has a name",
                      unnamed_controls(editor))
            close_window(app, editor)
            # And of the consultation shown, with its people and follow-ups.
            button = wait_for("the button “Edit (Ctrl+E)” of the consultation shown",
                              lambda: find(views[view], lambda n:
                                           role(n) == pyatspi.ROLE_PUSH_BUTTON
                                           and name(n) == "Edit (Ctrl+E)"))
            editor = open_window(app, button, "click")
            tap.check("every control of the editor of the consultation shown has a name",
                      unnamed_controls(editor))
            close_window(app, editor)
        elif view == "Calendar":
            check_month(tap, views[view], database)
            show_recurring_date(window, views[view], database)
        elif view == "Report":
            check_report(tap, program, views[view], database)
        if view != "Report":  # it has none
            check_popovers(tap, views[view], f"the view {view}")
        for action_name in EDITORS.get(view, []):
            check_window(tap, app, views[view], action_name, f"the window of the view {view}")
        if view == "Calendar":
            check_import(tap, app, views[view], program, database)
        # While it is shown: what a view makes while it is hidden is named when it is shown.
        tap.check(f"every control of the view {view} has a name (with a record shown)",
                  unnamed_controls(views[view]))

    # The header bar's: the search and the main menu.
    check_popovers(tap, window, "the header bar", skip=list(views.values()))

    # The preferences and the about window, through the main menu as a screen reader user
    # opens them; the shortcuts window.
    for item, what in (("Preferences", "the preferences"),
                       ("About Brückenbuch", "the about window")):
        before = set(children(app))
        click_menu_item(window, "Main Menu", item)
        opened = new_window(app, before, what)
        tap.check(f"every control of {what} has a name", unnamed_controls(opened))
        close_window(app, opened)
    check_window(tap, app, window, "win.show-help-overlay", "the shortcuts window")

    # The rest of the window: the header bar, the demo banner.
    tap.check("every control of the window outside the views has a name",
              unnamed_controls(window, skip=list(views.values())))

    check_backup(tap, app, window, os.path.dirname(database))


def check_import(tap, app, view, program, database):
    """The import of an .ics file: GTK's file chooser, then the plan of the import (our own
    export: every event is there already), closed without importing."""
    path = os.path.join(os.path.dirname(database), "calendar.ics")
    subprocess.run([program, f"--database={database}", f"--export-ics={path}"], check=True,
                   stdout=subprocess.DEVNULL)
    chooser = open_window(app, view, "calendar.import")
    before = set(children(app))
    choose_file(app, chooser, path, "Open")
    plan = new_window(app, before, "the plan of the import")
    tap.check("every control of the plan of an .ics import has a name", unnamed_controls(plan))
    close_window(app, plan)


def check_backup(tap, app, window, folder):
    """Back up and restore, through the main menu: the demo data has neither, so first back to
    the own database (an empty one in the test's folder, XDG_DATA_HOME): the welcome page. The
    backup is saved, the restore's confirmation closed with its close response."""
    do_action(window, "win.leave-demo")
    wait_for("the own database", lambda: "win.explore-demo" in actions(window))
    tap.check("every control of the welcome page has a name", unnamed_controls(window))

    path = os.path.join(folder, "backup.sqlite3")
    before = set(children(app))
    click_menu_item(window, "Main Menu", "Back Up Database…")
    choose_file(app, new_window(app, before, "the file chooser of the backup"), path, "Save")
    wait_for("the backup", lambda: os.path.exists(path))

    before = set(children(app))
    click_menu_item(window, "Main Menu", "Restore From Backup…")
    choose_file(app, new_window(app, before, "the file chooser of the restore"), path, "Choose")
    confirmation = new_window(app, before, "the restore's confirmation")
    tap.check("every control of the restore's confirmation has a name",
              unnamed_controls(confirmation))
    close_window(app, confirmation)


if __name__ == "__main__":
    if "DBUS_SESSION_BUS_ADDRESS" in os.environ:
        import pyatspi  # noqa: E402 — only once the session bus is known

        CONTROL_ROLES = {
            pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
            pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
            pyatspi.ROLE_TEXT, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
            pyatspi.ROLE_SLIDER, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM,
            pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_LINK,
        }
        # Named with the text they show, which may hold an underscore.
        TEXT_ROLES = {pyatspi.ROLE_LABEL, pyatspi.ROLE_TEXT, pyatspi.ROLE_PARAGRAPH}
        # Focusable only to pass the focus on to what they hold.
        CONTAINER_ROLES = {pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE}
        # Rows that a screen reader reads by their content.
        ROW_ROLES = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_FILLER}
    main()
