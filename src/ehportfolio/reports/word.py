"""Reports as Word documents: Jinja inside a Word template (templates/reports/<kind>.docx), rendered by docxtpl, so
that the directorate can give a report its own layout by editing the template in Word.

Imported only when a Word report is made, so that docxtpl and python-docx cost no other command anything.

A portfolio's own template comes first when it has one. Every Word template renders in Jinja's immutable sandbox
with `StrictUndefined` and XML escaping on, so user text stays text. The charts go in as PNG images. The result is a
zip with fixed timestamps, byte-identical between runs.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from typing import Any

from docx.image.image import Image
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Length, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from lxml.etree import XMLSyntaxError

from ehportfolio.reports import template_contexts as tc
from ehportfolio.reports.render import TemplateFailure, figures, template_name
from ehportfolio.store import files

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
"""The most a Word template may hold, packed or unpacked: a template is input, and a zip can unpack to far more."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The timestamp of every file in a written zip: the earliest a zip can hold, so that no clock time gets in."""
TITLE_LIMIT = 255
"""The longest title a Word document's properties hold."""
CHART_WIDTH_MM = 150
GRAPH_WIDTH_MM = 160


def find_template(kind: str, user_dirs: Sequence[str]) -> tuple[str, str | None]:
    """The path of the kind's Word template and the portfolio's template directory it is in; the shipped one (and
    None) otherwise. Anything by the name in a directory is the template: a FIFO or a link out of it is refused when
    read, not passed over."""
    from ehportfolio.store.templates import template_dir

    name = template_name(kind, "docx")
    for directory in user_dirs:
        path = os.path.join(directory, name)
        if os.path.lexists(path):
            return path, directory
    shipped = os.path.join(template_dir(), name)
    if os.path.isfile(shipped):
        return shipped, None
    dirs = ", ".join(user_dirs) or "–"
    raise TemplateFailure("report.template_missing", name=name, dirs=dirs)


def reproducible_zip(data: bytes) -> bytes:
    """The same zip with every entry's timestamp fixed and its permissions plain, in the original order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _read_template(path: str, name: str, directory: str | None) -> bytes:
    """The template's bytes, refused when it is not a regular file inside its directory (`FileRefused`), not a zip, or
    too big packed or unpacked."""
    data = files.read(path, MAX_TEMPLATE_BYTES, root=directory)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        raise TemplateFailure("report.template_not_docx", name=name) from None
    if unpacked > MAX_TEMPLATE_BYTES:
        raise TemplateFailure("report.template_error", name=name, line="", error="> 20 MiB unpacked")
    return data


class _Template(DocxTemplate):  # type: ignore[misc]
    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        """docxtpl renders the document's properties as templates, escaped for XML that python-docx escapes again;
        the template's properties stay as written, and the title is the report's."""
        self.docx.core_properties.title = context["title"][:TITLE_LIMIT]


def _images(template: Any, context: tc.Report) -> dict[str, Any]:
    from ehportfolio.reports.charts import png

    return {
        key: _inline(template, png(figure), GRAPH_WIDTH_MM if key == "graph" else CHART_WIDTH_MM)
        for key, figure in figures(context).items()
    }


def _inline(template: Any, data: bytes, limit_mm: float) -> Any:
    """The image at its natural size (its pixels at the resolution it records), narrowed to `limit_mm` only when it
    is wider: a small chart is never stretched, which would blur it and blow its text up past the body's."""
    natural = Image.from_blob(data).width  # EMU
    return InlineImage(template, io.BytesIO(data), width=Length(min(natural, Mm(limit_mm))))


def render(kind: str, context: tc.Report, user_dirs: Sequence[str], environment: Any) -> bytes:
    """The report as the bytes of a .docx file, rendered with `environment` (store.templates.word_environment)."""
    path, directory = find_template(kind, user_dirs)
    name = path if directory else template_name(kind, "docx")
    template = _Template(io.BytesIO(_read_template(path, name, directory)))
    try:
        template.init_docx()
    except (PackageNotFoundError, KeyError, XMLSyntaxError):
        raise TemplateFailure("report.template_not_docx", name=name) from None
    try:
        values = tc.top_level(context)  # docxtpl takes the template's variables as a dict
        values["figures"] = _images(template, context)
        template.render(values, environment, autoescape=True)
        buffer = io.BytesIO()
        template.save(buffer)
    except SecurityError as exc:
        raise TemplateFailure("report.template_unsafe", name=name, error=str(exc)) from None
    except TemplateSyntaxError as exc:
        line = " ".join(" ".join(getattr(exc, "docx_context", ())).split())
        where = f" ({line})" if line else ""
        raise TemplateFailure("report.template_error", name=name, line=where, error=exc.message) from None
    except (TemplateError, XMLSyntaxError) as exc:
        raise TemplateFailure("report.template_error", name=name, line="", error=str(exc)) from None
    return reproducible_zip(buffer.getvalue())
