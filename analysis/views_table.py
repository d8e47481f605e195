"""The report's record views table (METRICS.md, "Record views"): for every place other than the
organisation's own record that some design offers, by design, the views per resident per month, the share
of encounters with needs at which it was opened, and the share at which it held the newest copy of a needed
document that the local record lacked. Cells are means with their 95 % intervals, formatted by the caller's
`cell` (report.py's cell_interval)."""
from __future__ import annotations

import html

import figures
import load

E = html.escape
ROWS = [("record_views_per_resident_month", "views per resident per month", "count"),
        ("share_encounters_opened", "encounters at which it was opened", "share"),
        ("share_encounters_held_new", "encounters at which it held what the local record lacked", "share")]


def views_table(res, cell) -> str:
    opened = load.select(res.summary, "record_views", ("view",))
    if opened.empty:
        return ""
    opened = opened[(opened["view"] != "local_record") & (opened["mean"] > 0)]
    views = sorted(set(opened["view"]))
    if not views:
        return ""
    designs = [d for d in res.designs if d in set(opened["design"])]
    out = ["<h3>Record views (places opened at encounters with needs, whatever they hold)</h3>",
           "<table><thead><tr><th>view</th><th>measure</th>"]
    out += [f"<th>{E(figures.design_label(res, d))}</th>" for d in designs]
    out.append("</tr></thead><tbody>")
    for view in views:
        for metric, label, kind in ROWS:
            s = load.select(res.summary, metric, ("view",), view=view).set_index("design")
            out.append(f"<tr><td>{E(view)}</td><td>{E(label)}<br><small><code>{E(metric)}</code></small></td>")
            for d in designs:
                if d in s.index:
                    out.append(cell(s.loc[d, "mean"], s.loc[d, "half_width"], kind))
                else:
                    out.append('<td class="num">–</td>')
            out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
