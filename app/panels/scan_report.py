"""A scan's inspection report (``assets.inspection.inspect_scan``) as readable lines in
the UI's language, for the Assets dock and the Import dialog (never raw JSON)."""
from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QCoreApplication

from vitrine.app.window.message_catalogue import scan_problem_text



def _yes_no(value: Any) -> str:
    return QCoreApplication.translate("ScanReport", "yes") if value else QCoreApplication.translate("ScanReport", "no")


def severity_name(severity: str) -> str:
    names = {"error": QCoreApplication.translate("ScanReport", "Error"), "warning": QCoreApplication.translate("ScanReport", "Warning"), "info": QCoreApplication.translate("ScanReport", "Note")}
    return names.get(severity, severity)


def units_name(units: str) -> str:
    names = {"m": QCoreApplication.translate("ScanReport", "metres"), "cm": QCoreApplication.translate("ScanReport", "centimetres"), "mm": QCoreApplication.translate("ScanReport", "millimetres"), "in": QCoreApplication.translate("ScanReport", "inches")}
    return names.get(units, units)


def report_lines(report: Mapping[str, Any]) -> list[str]:
    """One line per fact, then one per problem (severity: message). Missing keys are left out,
    so reports stored by older versions read as well."""
    lines: list[str] = []
    if report.get("format"):
        lines.append(QCoreApplication.translate("ScanReport", "Format: %1").replace("%1", str(report["format"])))
    counts = []
    if report.get("vertices"):
        counts.append(QCoreApplication.translate("ScanReport", "%1 vertices").replace("%1", f"{int(report['vertices']):,}"))
    if report.get("faces"):
        counts.append(QCoreApplication.translate("ScanReport", "%1 faces").replace("%1", f"{int(report['faces']):,}"))
    if report.get("points"):
        counts.append(QCoreApplication.translate("ScanReport", "%1 points").replace("%1", f"{int(report['points']):,}"))
    if counts:
        lines.append(" · ".join(counts))
    if report.get("texture_size"):
        w, h = report["texture_size"]
        lines.append(QCoreApplication.translate("ScanReport", "Texture: %1 × %2 px").replace("%1", str(w)).replace("%2", str(h)))
    elif "has_texture" in report:
        lines.append(QCoreApplication.translate("ScanReport", "Texture: none"))
    for key, label in (("has_uv", QCoreApplication.translate("ScanReport", "Texture coordinates: %1")), ("has_vertex_colors", QCoreApplication.translate("ScanReport", "Vertex colours: %1")),
                       ("has_normals", QCoreApplication.translate("ScanReport", "Normals: %1")), ("watertight", QCoreApplication.translate("ScanReport", "Watertight: %1"))):
        if key in report:
            lines.append(label.replace("%1", _yes_no(report[key])))
    if report.get("components"):
        lines.append(QCoreApplication.translate("ScanReport", "Separate pieces: %1").replace("%1", f"{int(report['components']):,}"))
    extent = report.get("extent")
    if extent and len(extent) == 3:
        lines.append(QCoreApplication.translate("ScanReport", "Size in file units: %1 × %2 × %3")
                     .replace("%1", f"{extent[0]:.4g}").replace("%2", f"{extent[1]:.4g}").replace("%3", f"{extent[2]:.4g}"))
    if report.get("units_guess"):
        lines.append(QCoreApplication.translate("ScanReport", "Units (guessed): %1").replace("%1", units_name(str(report["units_guess"]))))
    if report.get("up_axis_guess"):
        lines.append(QCoreApplication.translate("ScanReport", "Up axis (guessed): %1").replace("%1", str(report["up_axis_guess"]).upper()))
    problems = list(report.get("problems") or [])
    if problems:
        lines.append("")
        lines.append(QCoreApplication.translate("ScanReport", "Problems found:"))
        for p in problems:
            lines.append(QCoreApplication.translate("ScanReport", "• %1: %2")
                         .replace("%1", severity_name(str(p.get("severity", "")))).replace("%2", scan_problem_text(p)))
    elif report:
        lines.append(QCoreApplication.translate("ScanReport", "No problems found."))
    return lines
