"""Every setting and every command is documented where a person looks for it."""

from pathlib import Path

import pytest

from newsreel.cli import NEWSREEL_COMMANDS, usage
from newsreel.config import SETTINGS, ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_configuration_doc_with_its_default(setting):
    doc = (ROOT / "docs" / "configuration.md").read_text()
    row = next((line for line in doc.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
    assert row is not None, f"{setting.name} is missing from docs/configuration.md"
    assert (f"`{setting.default}`" if setting.default else "(empty)") in row


def _readme_commands() -> set[str]:
    """The commands the README's table names: rows that start with | `newsreel NAME."""
    rows = (line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("| `newsreel "))
    return {row.removeprefix("| `newsreel ").split()[0].rstrip("`") for row in rows}


@pytest.mark.parametrize("command", NEWSREEL_COMMANDS)
def test_every_command_has_a_readme_row_a_usage_line_and_a_management_command(command):
    from django.core.management import get_commands

    assert command in _readme_commands(), f"add a `newsreel {command}` row to the README's command table"
    assert any(line.split()[:1] == [command] for line in usage().splitlines()), "usage() lists every command"
    assert command.replace("-", "_") in get_commands(), f"{command} is listed but no management command runs it"


def test_the_readme_table_names_no_command_newsreel_lacks():
    assert _readme_commands() <= set(NEWSREEL_COMMANDS)


def test_every_newsreel_management_command_is_a_documented_newsreel_command():
    from django.core.management import get_commands

    ours = {name for name, app in get_commands().items() if app.startswith("newsreel")}
    undocumented = {name.replace("_", "-") for name in ours} - set(NEWSREEL_COMMANDS)
    assert not undocumented, f"add {sorted(undocumented)} to NEWSREEL_COMMANDS and the README"


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text()[:600]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize(
    ("name", "value"),
    [("NEWSREEL_SITE_URL", "news.example.com"), ("NEWSREEL_DEBUG", "maybe"), ("DATABASE_URL", "mysql://x/y"),
     ("NEWSREEL_CACHE_URL", "memcached://x")],
)
def test_a_bad_setting_is_named_in_the_error(name, value):
    with pytest.raises(ConfigError, match=name):
        load_config({name: value})


def test_defaults_are_safe():
    config = load_config({})
    assert config.debug is False and config.database_url == "" and config.data_dir.name == "var"


def _run_newsreel(*args: str, **env: str):
    import os
    import subprocess
    import sys

    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "newsreel.cli", *args], capture_output=True, text=True,
                          env=environment, timeout=60)


def test_start_up_with_a_bad_setting_prints_one_line_naming_it():
    result = _run_newsreel("check", NEWSREEL_SITE_URL="not a url")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "NEWSREEL_SITE_URL" in result.stderr


def test_start_up_with_an_unreachable_database_names_database_url():
    result = _run_newsreel("check", DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "DATABASE_URL" in result.stderr


def test_the_workflow_doc_shows_the_permission_table_as_the_code_has_it():
    from newsreel.newsroom.permissions import table

    doc = (ROOT / "docs" / "workflow.md").read_text()
    documented = {line.split("|")[1].strip().strip("`"): [cell.strip() for cell in line.split("|")[3:-1]]
                  for line in doc.splitlines() if line.startswith("| `") and line.split("|")[1].strip().count(".") == 1
                  and "|" in line and len(line.split("|")) == 7}
    for action, _, access in table():
        assert action in documented, f"`{action}` has no row in docs/workflow.md's “Who may do what”"
        assert documented[action] == [value.value for value in access.values()], action
