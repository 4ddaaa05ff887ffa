"""Core and service messages (codes + parameters) as sentences in the GUI's language.

The report's catalogue (``report.texts``) already renders the calculation warnings in Japanese;
the input errors a user meets while typing are translated here through Qt's catalogue, so that
they follow View > Language like every other text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.messages import Message

_CONTEXT = "Messages"
# Templates use the message's parameter names in braces; they are translated, then filled.
TEMPLATES: dict[str, object] = {
    "quantity.empty": QT_TRANSLATE_NOOP("Messages", "A value is required here."),
    "quantity.not_a_number": QT_TRANSLATE_NOOP("Messages", "'{value}' is not a number."),
    "quantity.negative": QT_TRANSLATE_NOOP("Messages", "'{value}' is negative; enter 0 or more."),
    "quantity.too_large": QT_TRANSLATE_NOOP(
        "Messages", "'{value}' is implausibly large (over 1,000,000,000,000)."
    ),
    "quantity.too_precise": QT_TRANSLATE_NOOP(
        "Messages", "'{value}' has more than {max_decimals} decimals."
    ),
    "paste.bad_flag": QT_TRANSLATE_NOOP(
        "Messages", "'{value}' is not a yes/no value for 'estimated'."
    ),
    "paste.empty": QT_TRANSLATE_NOOP("Messages", "The clipboard holds nothing to paste."),
    "paste.empty_row": QT_TRANSLATE_NOOP("Messages", "Row {row} of the pasted block is empty."),
    "paste.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "The pasted block has {rows} rows, but only {available} months are left below the "
        "selected cell.",
    ),
    "paste.too_many_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "The pasted block has {columns} columns, but only {available} are left to the right "
        "of the selected cell.",
    ),
    "grid.several_records": QT_TRANSLATE_NOOP(
        "Messages",
        "This cell adds up {count} bill lines; change them by importing the bills again.",
    ),
    "grid.cost_without_quantity": QT_TRANSLATE_NOOP(
        "Messages", "Enter the quantity of this month first, then its cost or estimate flag."
    ),
    "grid.no_project": QT_TRANSLATE_NOOP("Messages", "No project is open."),
    "grid.no_cell": QT_TRANSLATE_NOOP(
        "Messages", "Select the month and energy of the bill in the table first."
    ),
    "evidence.unavailable": QT_TRANSLATE_NOOP(
        "Messages", "Bill scans cannot be stored by this version of the project file."
    ),
    "evidence.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file {file} cannot be read: {reason}"
    ),
    "project.not_found": QT_TRANSLATE_NOOP("Messages", "The project file {file} does not exist."),
}


def is_japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese


def language() -> str:
    return "ja" if is_japanese() else "en"


def energy_label(code: str) -> str:
    energy = ENERGY_TYPES.get(code)
    if energy is None:
        return code
    return energy.name_ja if is_japanese() else energy.name_en


def message_text(message: Message) -> str:
    """One sentence for the user, in the current language."""
    template = TEMPLATES.get(message.code)
    if template is not None:
        from ecocheck_desktop.report.messages_ja import display_values

        values = display_values(message, language())  # names, not ids; reasons in Japanese
        try:
            return QCoreApplication.translate(_CONTEXT, str(template)).format(**values)
        except (KeyError, IndexError, ValueError):
            pass  # created with other parameters: the report's catalogue knows every code
    from ecocheck_desktop.report.texts import message_text as report_message_text

    return report_message_text(message, language())


def where_text(message: Message) -> str:
    """Where a pasted/imported problem is, e.g. "Row 3, column 2: "."""
    row, column = message.where.get("row"), message.where.get("column")
    if row is not None and isinstance(column, int):  # a position in a pasted block
        return (
            QCoreApplication.translate("Messages", "Row %1, column number %2: ")
            .replace("%1", str(row))
            .replace("%2", str(column))
        )
    if row is not None and column is not None:
        from ecocheck_desktop.report.messages_ja import column_name

        column = column_name(column, language())
        return (
            QCoreApplication.translate("Messages", "Row %1, column %2: ")
            .replace("%1", str(row))
            .replace("%2", str(column))
        )
    if row is not None:
        return QCoreApplication.translate("Messages", "Row %1: ").replace("%1", str(row))
    return ""


def located_text(message: Message) -> str:
    """The sentence after its row/column, said once: the sentence then leaves them out (and
    the file, which the dialog or the import that shows a row problem names already)."""
    prefix = where_text(message)
    if prefix:
        where = {k: v for k, v in message.where.items() if k not in ("row", "column", "file")}
        message = Message(message.code, message.params, where)
    return prefix + message_text(message)


def messages_text(messages: list[Message]) -> str:
    return "\n".join(located_text(m) for m in messages)
