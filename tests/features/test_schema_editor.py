"""What a person sees in an editor: the shipped schemas driven through the YAML language server (the engine of VS Code's
YAML extension) over stdio, and the same accepted and refused values checked with jsonschema.

The server is the one `.ci/run` installs (`npm install --prefix .ci/clients yaml-language-server`), or the program
YAML_LANGUAGE_SERVER names; without it those tests are skipped and say so.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from ehportfolio.domain.fieldtypes import Answer, Colour
from ehportfolio.features.schema import build_schema
from ehportfolio.store.packaged import load_checklist

ROOT = Path(__file__).parents[2]
SCHEMAS = ROOT / "portfolio" / "schema"


class AnswerModel(BaseModel):
    value: Answer


class ColourModel(BaseModel):
    value: Colour


VALUES: list[Any] = [
    *("ja", "nei", "yes", "no", "true", "false", "Ja", "NEI", "Yes", "TRUE", "False", "jA"),
    *(True, False, None, "kanskje", "", "j", "jaa", "1", 1, 0, 2.5, [], {}),
    *("grønn", "gul", "rød", "green", "yellow", "red", "Grønn", "GUL", "RØD", "Red", "blå", "grønt", "orange"),
]


def accepts(model: type[BaseModel], value: Any) -> bool:
    try:
        model.model_validate({"value": value})
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_answer_schema_accepts_exactly_what_ehp_accepts(value: Any) -> None:
    schema = build_schema("initiative", load_checklist("2020"))["$defs"]["Answers"]["properties"]["exploratory"]
    assert Draft202012Validator(schema).is_valid(value) == accepts(AnswerModel, value)


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_colour_schema_accepts_exactly_what_ehp_accepts(value: Any) -> None:
    schema = build_schema("status", load_checklist("2020"))["properties"]["colour"]
    assert Draft202012Validator(schema).is_valid(value) == accepts(ColourModel, value)


def test_the_schemas_name_the_allowed_words_rather_than_a_pattern() -> None:
    answer = build_schema("initiative", load_checklist("2020"))["$defs"]["Answers"]["properties"]["exploratory"]
    assert answer["anyOf"][0] == {"enum": ["ja", "nei", "yes", "no"]}
    assert "ja, nei" in answer["errorMessage"]
    colour = build_schema("status", load_checklist("2020"))["properties"]["colour"]
    assert colour["anyOf"][0] == {"enum": ["grønn", "gul", "rød", "green", "yellow", "red"]}
    assert "grønn, gul, rød" in colour["errorMessage"]


def language_server() -> list[str]:
    installed = ROOT / ".ci" / "clients" / "node_modules" / ".bin" / "yaml-language-server"
    for candidate in (os.environ.get("YAML_LANGUAGE_SERVER"), str(installed)):
        if candidate and os.access(candidate, os.X_OK):
            return [candidate, "--stdio"]
    pytest.skip("client missing: yaml-language-server (npm install --prefix .ci/clients yaml-language-server)")


class Server:
    """A language client just big enough for one document: framing, the server's own requests, and waiting."""

    SETTINGS = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}

    def __init__(self, command: list[str], root: Path) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.last_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {
            "textDocument": {"completion": {}, "publishDiagnostics": {}},
            "workspace": {"configuration": True},
        }
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": self.SETTINGS}})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while line := stream.readline().decode("ascii").strip():
                name, _, value = line.partition(":")
                headers[name.lower()] = value.strip()
            if not headers:
                return
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, wanted: Any, timeout: float = 60) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while True:
            message = self.messages.get(timeout=max(0.1, end - time.monotonic()))
            if "method" in message and "id" in message:  # the server asks for settings or to register capabilities
                items = message.get("params", {}).get("items", [])
                result = [self.SETTINGS] * len(items) if message["method"] == "workspace/configuration" else None
                self._send({"id": message["id"], "result": result})
            elif wanted(message):
                return message

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.last_id += 1
        number = self.last_id
        self._send({"id": number, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == number and "method" not in m).get("result")

    def open(self, path: Path) -> list[dict[str, Any]]:
        """The diagnostics the server publishes for a file."""
        uri = path.as_uri()
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": document})
        published = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return list(published["params"]["diagnostics"])

    def complete(self, path: Path, line: int, character: int) -> list[str]:
        position = {"line": line, "character": character}
        result = self.request("textDocument/completion", {"textDocument": {"uri": path.as_uri()}, "position": position})
        items = result["items"] if isinstance(result, dict) else result
        return [item["label"].strip('"') for item in items]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def editor(tmp_path: Path) -> Any:
    command = language_server()
    shutil.copytree(SCHEMAS, tmp_path / "schema")
    server = Server(command, tmp_path)
    yield server
    server.close()


def messages_by_line(diagnostics: list[dict[str, Any]]) -> dict[int, str]:
    return {d["range"]["start"]["line"]: d["message"] for d in diagnostics}


def test_the_editor_offers_ja_and_nei_and_names_them_for_a_wrong_answer(editor: Server, tmp_path: Path) -> None:
    initiative = tmp_path / "initiatives" / "a.yaml"
    initiative.parent.mkdir()
    initiative.write_text(
        "# yaml-language-server: $schema=../schema/initiative.schema.json\n"
        "name: A\nowner: KS\nchecklist:\n"
        "  digitalisation_essential: Ja\n"  # line 4: any case, as ehp reads it
        "  exploratory: true\n"
        "  reuse_potential: kanskje\n"  # line 6
        "  broad_collaboration: 5\n"  # line 7
        "  multiple_care_providers: \n",  # line 8: the cursor for completion
        encoding="utf-8",
    )
    problems = messages_by_line(editor.open(initiative))
    assert set(problems) == {6, 7}, problems
    for message in problems.values():
        assert '"ja", "nei", "yes", "no"' in message
    offered = editor.complete(initiative, 8, len("  multiple_care_providers: "))
    assert {"ja", "nei"} <= set(offered), offered


def test_the_editor_names_the_colours_for_a_wrong_colour(editor: Server, tmp_path: Path) -> None:
    report = tmp_path / "status" / "2021-nuit-1" / "a.yaml"
    report.parent.mkdir(parents=True)
    head = "# yaml-language-server: $schema=../../schema/status.schema.json\ndate: 2021-02-01\n"
    report.write_text(head + "colour: blå\n", encoding="utf-8")
    problems = messages_by_line(editor.open(report))
    assert list(problems) == [2], problems
    assert '"grønn", "gul", "rød", "green", "yellow", "red"' in problems[2]
    assert "[Gg]" not in problems[2]
    assert {"grønn", "gul", "rød"} <= set(editor.complete(report, 2, len("colour: ")))
    fine = report.with_name("b.yaml")
    fine.write_text(head + "colour: GRØNN\n", encoding="utf-8")
    assert editor.open(fine) == []
