"""Words and number formats, Qt-free, shared by the GUI, the PDF and the command line.

* :mod:`~ecocheck_desktop.text.numbers` — how a figure is printed (places, separators, ``-``);
* :mod:`~ecocheck_desktop.text.catalogue` — every message code with its Japanese and English
  sentence, in one table;
* :mod:`~ecocheck_desktop.text.messages` — a :class:`~ecocheck_desktop.core.messages.Message`
  as a sentence in ``ja`` or ``en``, with the names a user knows instead of internal ids;
* :mod:`~ecocheck_desktop.text.report` — the wording of the PDF report.

The layer sits above core, store and exchange (it names their ids) and below report, gui and
commands, which all take their words from here. Only what Qt itself must translate (menus,
buttons, labels of widgets) stays in the GUI's ``tr()`` catalogue.
"""
