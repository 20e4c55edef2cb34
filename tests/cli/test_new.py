"""`ehp new`: the intake of a new initiative, by options (no terminal) and by answering its prompts on a terminal."""

from __future__ import annotations

import importlib.util
import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import invoke
from helpers import ACTORS, KOORDINERE, SAMSTYRE, SETTINGS, TAXONOMY, build_file_tree
from hypothesis import given
from hypothesis import strategies as st

from ehportfolio.domain.engine import decide
from ehportfolio.domain.models import Actor, Initiative
from ehportfolio.features import intake
from ehportfolio.store import yamltext
from ehportfolio.store.loader import parse_mapping
from ehportfolio.store.packaged import load_checklist
from ehportfolio.store.portfolio import load_initiative
from ehportfolio.store.validation import validate

CHECKLIST = load_checklist("2020")
QUESTION = {key: text["nb"] for key, text in CHECKLIST.questions.items()}
HAS_READLINE = importlib.util.find_spec("readline") is not None


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The small portfolio of helpers.py: two initiatives, a taxonomy with 2.1 and 5.1, two actors."""
    return build_file_tree(
        tmp_path / "pf",
        {
            "portfolio.yaml": SETTINGS,
            "taxonomy.yaml": TAXONOMY,
            "actors.yaml": ACTORS,
            "initiatives/felles.yaml": SAMSTYRE,
            "initiatives/avhengig.yaml": KOORDINERE,
        },
    )


def initiative_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "initiatives").iterdir())


def check_rules(root: Path) -> set[str]:
    """The rules `ehp check --strict` finds something under, on the whole portfolio."""
    result = invoke("check", str(root), "--strict", "--format", "json")
    return {finding["rule"] for finding in json.loads(result.out)["findings"]}


INSPIRERE = [
    "digitalisation_essential=ja",
    "multiple_care_providers=ja",
    "reuse_potential=nei",
    "health_information_access=JA",
    "broad_collaboration=no",
    "strong_samstyre_dependencies=false",
    "exploratory=yes",
]


# Without a terminal: every value as an option


def test_all_values_as_options_write_the_file_without_a_prompt(root: Path) -> None:
    answers = [arg for item in INSPIRERE for arg in ("--answer", item)]
    code, out, err = invoke(
        "new",
        "--path",
        str(root),
        *("--name", "Pilot videokonsultasjon: fase 2", "--owner", "helse vest rhf", "--focus-area", "2.1"),
        *("--description", "Utprøving av video i to kommuner", *answers, "--no-input"),
    )
    path = root / "initiatives" / "pilot-videokonsultasjon-fase-2.yaml"
    assert code == 0, err
    assert out == f"{path}\n"
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/initiative.schema.json\n"
        'name: "Pilot videokonsultasjon: fase 2"\n'
        "owner: Helse Vest RHF\n"
        'focus_area: "2.1"\n'
        "description: Utprøving av video i to kommuner\n"
        "checklist:\n"
        "  # Er digitalisering vesentlig for å lykkes med tiltaket?\n"
        "  digitalisation_essential: ja\n"
        "  # Har tiltaket betydning for flere aktører som yter helsehjelp?\n"
        "  multiple_care_providers: ja\n"
        "  # Har tiltaket potensial for gjenbruk i store deler av helse- og omsorgstjenesten?\n"
        "  reuse_potential: nei\n"
        f"  # {QUESTION['health_information_access']}\n"
        "  health_information_access: ja\n"
        f"  # {QUESTION['broad_collaboration']}\n"
        "  broad_collaboration: nei\n"
        "  # Har tiltaket sterke avhengigheter til tiltak i samstyringssegmentet?\n"
        "  strong_samstyre_dependencies: nei\n"
        "  # Er tiltakets formål primært undersøkende eller utforskende?\n"
        "  exploratory: ja\n"
    )
    assert "Resultat: med i nasjonal e-helseportefølje, segment Inspirere." in err
    assert "ehp decide" in err
    entry = load_initiative(str(path))
    assert entry.initiative.segment is None and entry.initiative.owner == "Helse Vest RHF"
    assert check_rules(root) == {"segment_missing"}  # a proposal has no decided segment yet


KOORDINERE_ANSWERS = [
    "digitalisation_essential=ja",
    "multiple_care_providers=ja",
    "reuse_potential=ja",
    "broad_collaboration=nei",
    "strong_samstyre_dependencies=ja",
]


def test_dependencies_given_as_options_are_written_and_satisfy_the_checks(root: Path) -> None:
    answers = [arg for item in KOORDINERE_ANSWERS for arg in ("--answer", item)]
    code, out, err = invoke(
        "new",
        "--path",
        str(root),
        *("--name", "Deling", "--owner", "Helse Vest RHF", "--focus-area", "2.1", *answers, "--no-input"),
        *("--dependency", "felles", "--dependency", "avhengig=SVAK", "--dependency", "felles=strong"),
    )
    path = root / "initiatives" / "deling.yaml"
    assert code == 0, err
    assert path.read_text(encoding="utf-8").endswith(
        "dependencies:\n  - id: felles\n    strength: strong\n  - id: avhengig\n    strength: weak\n"
    )
    dependencies = load_initiative(str(path)).initiative.dependencies
    assert [(d.id, d.strength) for d in dependencies] == [("felles", "strong"), ("avhengig", "weak")]
    assert check_rules(root) == {"segment_missing"}  # no Koordinere-without-dependency, no contradicted answer


@pytest.mark.parametrize(
    ("dependencies", "message"),
    [
        (
            ["fellse"],
            "--dependency: «fellse» er verken et tiltak i porteføljen eller en nasjonal løsning i registeret; "
            "mente du «felles»?",
        ),
        (["felles=kanskje"], "--dependency: «kanskje» er ikke en styrke; bruk sterk eller svak"),
        (["felles", "felles=svak"], "--dependency: avhengigheten til «felles» er gitt to ganger med ulik styrke"),
    ],
)
def test_a_bad_dependency_is_refused_and_nothing_written(root: Path, dependencies: list[str], message: str) -> None:
    answers = [arg for item in KOORDINERE_ANSWERS for arg in ("--answer", item)]
    options = [arg for item in dependencies for arg in ("--dependency", item)]
    before = initiative_files(root)
    code, out, err = invoke(
        "new", "--path", str(root), "--name", "Deling", "--owner", "KS", "--focus-area", "2.1", *answers, *options
    )
    assert (code, out) == (2, "")
    assert message in err
    assert initiative_files(root) == before


def test_a_no_to_digitalisation_is_enough_and_only_that_answer_is_written(root: Path) -> None:
    args = ("--name", "Intern rutine", "--owner", "Helsedirektoratet", "--focus-area", "5.1", "--description", "")
    code, out, err = invoke("new", "--path", str(root), *args, "--answer", "digitalisation_essential=nei", "--no-input")
    path = root / "initiatives" / "intern-rutine.yaml"
    assert code == 0, err
    assert path.read_text(encoding="utf-8").endswith(
        'focus_area: "5.1"\nchecklist:\n'
        "  # Er digitalisering vesentlig for å lykkes med tiltaket?\n"
        "  digitalisation_essential: nei\n"
    )
    assert "Resultat: ikke med i nasjonal e-helseportefølje." in err
    assert load_initiative(str(path)).initiative.description is None
    assert check_rules(root) == set()


def test_what_is_missing_without_prompts_is_named_and_nothing_written(root: Path) -> None:
    code, _, err = invoke(
        "new", "--path", str(root), "--name", "Ny", "--answer", "digitalisation_essential=ja", "--no-input"
    )
    assert code == 2
    assert "mangler --owner, --focus-area og svar på multiple_care_providers, reuse_potential" in err
    assert "med --no-input blir det ikke spurt" in err
    assert initiative_files(root) == ["avhengig.yaml", "felles.yaml"]
    # Without --no-input, but with no terminal to ask on (CliRunner's stdin is not one), the same.
    code, _, err = invoke("new", "--path", str(root), "--name", "Ny", "--lang", "en")
    assert code == 2 and "standard input is not a terminal" in err and "--owner" in err


def test_an_unknown_owner_is_refused_with_a_did_you_mean(root: Path) -> None:
    code, _, err = invoke("new", "--path", str(root), "--name", "Ny", "--owner", "Helse Øst RHF", "--focus-area", "2.1")
    assert code == 2
    assert "--owner: eieren «Helse Øst RHF» står ikke i aktørregisteret; mente du «Helse Vest RHF»?" in err
    code, _, err = invoke("new", "--path", str(root), "--owner", "Helse", "--lang", "en")
    assert code == 2 and '--owner: "Helse" fits several actors: Helse Vest RHF, Helsedirektoratet' in err
    assert initiative_files(root) == ["avhengig.yaml", "felles.yaml"]


def test_bad_answers_and_focus_areas_are_refused_all_at_once(root: Path) -> None:
    code, _, err = invoke(
        "new",
        "--path",
        str(root),
        *("--focus-area", "9.9", "--answer", "digitalisation_essentail=ja", "--answer", "exploratory=kanskje"),
        *("--answer", "reuse_potential", "--answer", "broad_collaboration=ja", "--answer", "broad_collaboration=nei"),
    )
    assert code == 2
    assert err.splitlines() == [
        "--focus-area: innsatsområdet «9.9» finnes ikke i strategien (kjente: 2.1, 5.1)",
        "--answer: ukjent spørsmål «digitalisation_essentail»; mente du «digitalisation_essential»?",
        "--answer: «kanskje» er ikke et gyldig svar; tillatt: ja, nei, yes, no, true, false",
        "--answer: «reuse_potential» har ikke formen SPØRSMÅL=ja|nei",
        "--answer: spørsmålet «broad_collaboration» er besvart to ganger med ulike svar",
    ]


@pytest.mark.parametrize(
    ("existing", "args", "message"),
    [
        ("felles.yaml", ("--id", "felles"), "--id: id-en «felles» er allerede i bruk: initiatives/felles.yaml"),
        ("felles.yaml", ("--name", "Felles"), "gi en id med --id"),
        ("pilot.yml", ("--name", "Pilot"), "--id: id-en «pilot» er allerede i bruk: initiatives/pilot.yml"),
        ("Pilot.yaml", ("--id", "pilot"), "--id: id-en «pilot» er allerede i bruk: initiatives/Pilot.yaml"),
        ("felles.yaml", ("--id", "Ny_Id"), "--id: «Ny_Id» er ikke en gyldig id"),
        ("felles.yaml", ("--name", "???"), "--name: navnet gir ingen id"),
    ],
)
def test_an_id_that_is_taken_or_invalid_is_refused(
    root: Path, existing: str, args: tuple[str, ...], message: str
) -> None:
    target = root / "initiatives" / existing
    if not target.exists():
        target.write_text(SAMSTYRE, encoding="utf-8")
    before = target.read_bytes()
    files = initiative_files(root)
    options = ("--name", "Ny", "--owner", "KS", "--focus-area", "2.1", "--answer", "digitalisation_essential=nei")
    (root / "actors.yaml").write_text(ACTORS + "  - name: KS\n", encoding="utf-8")
    code, _, err = invoke("new", "--path", str(root), *options, *args, "--no-input")
    assert code == 2 and message in err, err
    assert target.read_bytes() == before and initiative_files(root) == files


def test_not_a_portfolio_directory_exits_2(tmp_path: Path) -> None:
    code, _, err = invoke("new", "--path", str(tmp_path), "--no-input")
    assert code == 2 and "fant ikke portfolio.yaml" in err
    code, _, err = invoke("new", "--path", str(tmp_path / "nowhere"), "--no-input")
    assert code == 2 and "finnes ikke" in err


# The pure part


def test_the_next_question_is_the_first_the_decision_still_needs() -> None:
    asked = []
    answers: dict[str, bool] = {}
    replies = {"reuse_potential": False, "broad_collaboration": False, "strong_samstyre_dependencies": True}
    while (key := intake.next_question(answers, CHECKLIST)) is not None:
        asked.append(key)
        answers[key] = replies.get(key, True)
    assert asked == [
        "digitalisation_essential",
        "multiple_care_providers",
        "reuse_potential",
        "health_information_access",
        "broad_collaboration",
        "strong_samstyre_dependencies",
    ]
    assert intake.next_question({"multiple_care_providers": False}, CHECKLIST) is None  # one no: out
    assert intake.next_question({"reuse_potential": True}, CHECKLIST) == "digitalisation_essential"


def test_what_follows_from_an_answer() -> None:
    def effects(before: dict[str, bool], key: str, answer: bool) -> list[str]:
        after = decide({**before, key: answer}, CHECKLIST)
        return [step.effect for step in intake.follows(key, decide(before, CHECKLIST), after)]

    inside = {"digitalisation_essential": True, "multiple_care_providers": True}
    assert effects({}, "digitalisation_essential", False) == ["failed"]
    assert effects({}, "digitalisation_essential", True) == ["met"]
    assert effects(inside, "reuse_potential", False) == ["not_alone"]
    assert effects(inside, "reuse_potential", True) == ["met", intake.INCLUDED]
    segment = {**inside, "reuse_potential": True}
    assert effects(segment, "broad_collaboration", False) == ["next"]
    assert effects(segment, "broad_collaboration", True) == [intake.DECIDES]
    all_no = {**segment, "broad_collaboration": False, "strong_samstyre_dependencies": False}
    assert effects(all_no, "exploratory", False) == ["otherwise"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Helseplattformen", "helseplattformen"),
        ("Sære Ærlige Øyer på Ålesund", "saere-aerlige-oyer-pa-alesund"),
        ("Akson - forberedelse", "akson-forberedelse"),
        ("E-resept 2.0 (café)", "e-resept-2-0-cafe"),
        ("  ---  ", ""),
        ("x" * 100, "x" * 80),
        ("a" * 79 + " b", "a" * 79),
    ],
)
def test_the_id_is_a_slug_of_the_name(name: str, slug: str) -> None:
    assert yamltext.slug(name) == slug


def test_an_owner_that_names_no_actor_is_refused() -> None:
    """The matching itself is domain/actors.py's (tests/domain/test_actors.py); the intake refuses what it finds none
    for."""
    actors = [
        Actor(name="Norsk Helsenett", short_name="NHN"),
        Actor(name="Helse Vest RHF"),
        Actor(name="Helse Nord RHF"),
    ]
    assert intake.check_owner("nhn", actors).name == "Norsk Helsenett"
    with pytest.raises(intake.AnswerRefused) as ambiguous:
        intake.check_owner("Helse", actors)
    assert ambiguous.value.code == "owner_ambiguous"
    assert ambiguous.value.values["names"] == "Helse Nord RHF, Helse Vest RHF"
    with pytest.raises(intake.AnswerRefused) as unknown:
        intake.check_owner("Norks Helsenet", actors)
    assert unknown.value.code == "unknown_owner" and unknown.value.values["suggestion"] == "Norsk Helsenett"
    with pytest.raises(intake.AnswerRefused) as empty:
        intake.check_owner("  ", actors)
    assert empty.value.code == "empty"
    assert intake.check_owner(" Hvem som helst ", None).name == "Hvem som helst"  # no register: any owner


def test_values_a_yaml_reader_would_misread_are_quoted() -> None:
    for plain in ("Helseplattformen", "Helse Sør-Øst RHF", "Akson - forberedelse", "E-resept 2.0 (fase 1)"):
        assert yamltext.scalar(plain) == plain
    for tricky in ("no", "Yes", "null", "~", "1.10", "- a", "a: b", "a #b", "'x'", '"x"', "&a", "*a", "!x", "[a]"):
        assert yamltext.scalar(tricky).startswith('"'), tricky
    assert yamltext.quoted("a\u2028b\u00adc\U000e0001") == '"a\\u2028b\\u00adc\\U000e0001"'


@given(
    name=st.text(min_size=1).filter(lambda s: _takes(s, multiline=False)),
    description=st.text().filter(lambda s: _takes(s, multiline=True)),
)
def test_any_text_written_reads_back_the_same(name: str, description: str) -> None:
    proposal = intake.Proposal(
        intake.required(name), "Eier: «x»", "1.1", intake.text_value(description, multiline=True) or None, {}
    )
    data, positions = parse_mapping("x.yaml", intake.render(proposal, CHECKLIST))
    initiative = validate(Initiative, data, "x.yaml", positions)
    assert (initiative.name, initiative.owner) == (proposal.name, proposal.owner)
    assert initiative.description == proposal.description


def _takes(value: str, multiline: bool) -> bool:
    try:
        return bool(intake.required(value, multiline=multiline)) or multiline
    except intake.AnswerRefused:
        return False


# On a terminal: the prompts, answered through a pseudo-terminal


class Terminal:
    """`ehp new` run on a pseudo-terminal: wait for what it prints, type answers."""

    TIMEOUT = 10.0

    def __init__(self, *args: str, pipe_stdout: bool = False) -> None:
        import fcntl
        import pty
        import struct
        import termios

        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
        env = {k: v for k, v in os.environ.items() if k != "EHP_LANG"}
        env.update(TERM="dumb", INPUTRC=os.devnull, PYTHONUTF8="1", LC_ALL="C.UTF-8", COLUMNS="250")
        command = [sys.executable, "-m", "ehportfolio", "new", *args]
        stdout = subprocess.PIPE if pipe_stdout else slave
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=stdout,
            stderr=slave,
            env=env,
            start_new_session=True,
            # Ctrl-C as a terminal gives it: a shell starts a background job with SIGINT ignored, which the child
            # would inherit, and Python then installs no KeyboardInterrupt handler (a CI run under `cmd &` did that)
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

        os.close(slave)
        self.master = master
        self.transcript = b""
        self.position = 0

    def expect(self, text: str) -> None:
        """Wait until `text` appears in what was printed since the last match."""
        if not self.sees(text, self.TIMEOUT):
            raise AssertionError(f"did not see {text!r}; the terminal shows:\n{self.text()}")

    def sees(self, text: str, timeout: float) -> bool:
        """Whether `text` appears within `timeout` seconds in what was printed since the last match."""
        wanted = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while wanted not in self.transcript[self.position :]:
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                return False
        self.position = self.transcript.index(wanted, self.position) + len(wanted)
        return True

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def answer(self, prompt: str, line: str) -> None:
        self.expect(prompt)
        self.type(line + "\r")

    def finish(self) -> int:
        """Read to the end and return the exit status."""
        deadline = time.monotonic() + self.TIMEOUT
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass
        return self.process.wait(timeout=max(deadline - time.monotonic(), 1))

    def text(self) -> str:
        return self.transcript.decode("utf-8", "replace")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # the other end is closed: the process has exited
            return False
        self.transcript += chunk
        return bool(chunk)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=self.TIMEOUT)
        if self.process.stdout:
            self.process.stdout.close()
        os.close(self.master)


@pytest.fixture
def terminal() -> Iterator[Callable[..., Terminal]]:
    sessions: list[Terminal] = []

    def start(*args: str, pipe_stdout: bool = False) -> Terminal:
        sessions.append(Terminal(*args, pipe_stdout=pipe_stdout))
        return sessions[-1]

    yield start
    for session in sessions:
        session.close()


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@posix_only
def test_the_intake_answers_every_prompt_on_a_terminal(root: Path, terminal: Callable[..., Terminal]) -> None:
    session: Terminal = terminal("--path", str(root))
    session.answer("Navn på tiltaket: ", "Pilot: videokonsultasjon")
    session.expect("Id: pilot-videokonsultasjon")
    session.answer("Eier, en aktør i registeret (Tab fullfører): ", "Hesledirektoratet")
    session.answer("mente du «Helsedirektoratet»? ja/nei: ", "nei")  # a typo is taken only when confirmed
    session.answer("Eier, en aktør i registeret (Tab fullfører): ", "Helse Øst RHF")
    session.expect("eieren «Helse Øst RHF» står ikke i aktørregisteret; mente du «Helse Vest RHF»?")
    session.expect("Eier, en aktør i registeret (Tab fullfører): ")  # asked again
    if HAS_READLINE:
        session.type("helse v\t")  # Tab completes from the register
        session.expect("Helse Vest RHF")
        session.type("\r")
    else:
        session.type("Helse Vest RHF\r")
    session.expect("Innsatsområder i Strategi:")
    session.expect("2.1  Noe")
    session.answer("Innsatsområde (kode): ", "2.1")
    session.answer("Beskrivelse (Enter for ingen): ", "Video mellom sykehus og kommune")
    session.expect("E-helsetiltak av nasjonal betydning")
    session.expect(f"1. {QUESTION['digitalisation_essential']} [digitalisation_essential]")
    session.answer("ja/nei: ", "ja")
    session.expect("→ kriteriet er oppfylt")
    session.expect(f"2. {QUESTION['multiple_care_providers']}")
    session.answer("ja/nei: ", "j")
    session.expect(f"3. {QUESTION['reuse_potential']}")
    session.answer("ja/nei: ", "kanskje")
    session.expect("«kanskje» er ikke et svar; svar ja eller nei")
    session.answer("ja/nei: ", "JA")
    session.expect("→ alle kriteriene er oppfylt, så tiltaket hører hjemme i porteføljen")
    session.expect("Segment")
    session.expect(f"4. {QUESTION['broad_collaboration']}")
    session.answer("ja/nei: ", "nei")
    session.expect("→ videre til neste spørsmål")
    session.expect(f"5. {QUESTION['strong_samstyre_dependencies']}")
    session.answer("ja/nei: ", "ja")
    session.expect("→ dette avgjør segmentet: Koordinere")
    session.expect("Et Koordinere-tiltak rapporterer om avhengighetene sine")
    session.answer("Avhenger av: ", "fellse")
    session.expect(
        "«fellse» er verken et tiltak i porteføljen eller en nasjonal løsning i registeret; mente du «felles»?"
    )
    session.answer("Avhenger av: ", "felles=sterk")
    session.answer("Avhenger av: ", "")  # an empty line ends the list
    session.expect("Resultat: med i nasjonal e-helseportefølje, segment Koordinere.")
    path = root / "initiatives" / "pilot-videokonsultasjon.yaml"
    session.expect(str(path))
    assert session.finish() == 0, session.text()
    shown = session.text()
    assert QUESTION["health_information_access"] not in shown  # a yes to reuse made it unnecessary
    assert QUESTION["exploratory"] not in shown  # Koordinere was decided before it
    assert path.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/initiative.schema.json\n"
        'name: "Pilot: videokonsultasjon"\n'
        "owner: Helse Vest RHF\n"
        'focus_area: "2.1"\n'
        "description: Video mellom sykehus og kommune\n"
        "checklist:\n"
        f"  # {QUESTION['digitalisation_essential']}\n"
        "  digitalisation_essential: ja\n"
        f"  # {QUESTION['multiple_care_providers']}\n"
        "  multiple_care_providers: ja\n"
        f"  # {QUESTION['reuse_potential']}\n"
        "  reuse_potential: ja\n"
        f"  # {QUESTION['broad_collaboration']}\n"
        "  broad_collaboration: nei\n"
        f"  # {QUESTION['strong_samstyre_dependencies']}\n"
        "  strong_samstyre_dependencies: ja\n"
        "dependencies:\n"
        "  - id: felles\n"
        "    strength: strong\n"
    )
    assert load_initiative(str(path)).initiative.checklist.strong_samstyre_dependencies is True
    # The dependency the checklist's answer speaks of is recorded: only the undecided segment is left to check.
    assert check_rules(root) == {"segment_missing"}


@posix_only
def test_on_a_terminal_only_what_is_missing_is_asked(root: Path, terminal: Callable[..., Terminal]) -> None:
    session: Terminal = terminal(
        *("--path", str(root), "--name", "Intern rutine", "--owner", "Helsedirektoratet", "--focus-area", "5.1"),
        *("--description", "", "--answer", "multiple_care_providers=ja", "--lang", "en"),
    )
    session.expect("1. Does the initiative matter to several actors that provide health care?")
    session.expect("yes (given with --answer) → the criterion holds")
    session.expect("2. Is digitalisation essential to the initiative's success?")
    session.answer("yes/no: ", "no")
    session.expect("does not hold: the initiative is not in the portfolio")
    session.expect("Result: not in the national e-health portfolio.")
    assert session.finish() == 0, session.text()
    for prompt in ("Name of the initiative", "Owner", "Focus area (code)", "Description"):
        assert prompt not in session.text()
    path = root / "initiatives" / "intern-rutine.yaml"
    assert load_initiative(str(path)).initiative.checklist.model_dump(exclude_none=True) == {
        "digitalisation_essential": False,
        "multiple_care_providers": True,
    }


@posix_only
def test_on_a_terminal_a_taken_id_is_asked_for_and_the_path_goes_to_stdout(
    root: Path, terminal: Callable[..., Terminal]
) -> None:
    session = terminal(
        *("--path", str(root), "--name", "Felles", "--owner", "Helsedirektoratet", "--focus-area", "5.1"),
        *("--description", "", "--answer", "digitalisation_essential=nei"),
        pipe_stdout=True,  # as in path=$(ehp new ...): the prompts go to the terminal through stderr
    )
    session.expect("id-en «felles» er allerede i bruk: initiatives/felles.yaml")
    session.answer("Id (små bokstaver a–z, sifre og bindestrek): ", "Felles 2")
    session.expect("«Felles 2» er ikke en gyldig id")
    session.answer("Id (små bokstaver a–z, sifre og bindestrek): ", "felles-2")
    session.expect("Resultat: ikke med i nasjonal e-helseportefølje.")
    assert session.finish() == 0, session.text()
    path = root / "initiatives" / "felles-2.yaml"
    assert session.process.stdout is not None and session.process.stdout.read() == f"{path}\n".encode()
    assert str(path) not in session.text()
    assert load_initiative(str(path)).initiative.name == "Felles"


@posix_only
@pytest.mark.parametrize("how", ["ctrl-c", "ctrl-d"])
def test_cancelling_on_a_terminal_exits_130_and_writes_nothing(
    root: Path, terminal: Callable[..., Terminal], how: str
) -> None:
    session: Terminal = terminal("--path", str(root), "--name", "Avbrutt")
    session.expect("Eier, en aktør i registeret (Tab fullfører): ")
    if how == "ctrl-c":
        # What Ctrl-C sends (the session has no controlling terminal to send it). A signal that lands just before
        # readline starts waiting is only seen at the next one, as with a real Ctrl-C: send it until it is seen.
        for _ in range(5):
            session.process.send_signal(signal.SIGINT)
            if session.sees("Avbrutt; ingenting er skrevet.", 2.0):
                break
        else:
            raise AssertionError(session.text())
    else:
        session.type("\x04")
        session.expect("Avbrutt; ingenting er skrevet.")
    assert session.finish() == 130, session.text()
    assert initiative_files(root) == ["avhengig.yaml", "felles.yaml"]


# What the report explains, shown while asking


def test_the_result_says_what_the_proposed_segment_means(root: Path) -> None:
    answers = [arg for item in INSPIRERE for arg in ("--answer", item)]
    code, _, err = invoke(
        *("new", "--path", str(root), "--name", "Pilot", "--owner", "Helsedirektoratet", "--focus-area", "2.1"),
        *("--description", "", *answers, "--no-input", "--lang", "nn"),
    )
    assert code == 0, err
    assert "Inspirere: Tiltak som undersøkjer nye moglegheiter gjennom utgreiing eller utprøving." in err
    assert (
        "Rapporterer 1 gong i året til NUFA (Fagutvalet), om formål, kor langt tiltaket har kome, og nye idear." in err
    )
    assert "Les meir: ehp explain segments inspirere" in err


@posix_only
def test_on_a_terminal_each_question_asked_comes_with_its_guidance(
    root: Path, terminal: Callable[..., Terminal]
) -> None:
    import textwrap

    from ehportfolio.cli.commands.new import GUIDANCE_WIDTH
    from ehportfolio.features.guide import guidance

    def first_line(key: str) -> str:
        return textwrap.wrap(guidance(CHECKLIST, key, "en"), GUIDANCE_WIDTH, initial_indent="     ")[0].strip()

    session: Terminal = terminal(
        *("--path", str(root), "--name", "Felles journal", "--owner", "Helsedirektoratet", "--focus-area", "5.1"),
        *("--description", "", "--answer", "digitalisation_essential=ja", "--lang", "en"),
    )
    session.expect("1. Is digitalisation essential to the initiative's success?")
    session.expect("2. Does the initiative matter to several actors that provide health care?")
    session.expect(first_line("multiple_care_providers"))
    session.answer("yes/no: ", "yes")
    session.expect(first_line("reuse_potential"))
    session.answer("yes/no: ", "yes")
    session.expect(first_line("broad_collaboration"))
    session.answer("yes/no: ", "yes")
    session.answer("Depends on: ", "")
    session.expect("Samstyre: Initiatives that need national co-ordination, collaboration or co-funding")
    session.expect("Reports 4 times a year to NUIT (the prioritisation committee), on status and risk.")
    assert session.finish() == 0, session.text()
    assert first_line("digitalisation_essential") not in session.text()  # given as an option: not asked
