//! Bar charts as plain geometry: Rust turns counts into rectangles and text positions,
//! and the theme draws them as inline SVG (`partials/charts.html`), so a designer can
//! restyle a chart without Rust and the page loads no chart library.
//!
//! Every chart is the same shape: one horizontal bar per row, its label on the line
//! above it (long district names fit on a phone), segments stacked left to right in
//! series order, and the row's total after the bar. Coordinates are whole units of a
//! `viewBox` `WIDTH` wide, so the SVG scales to its container and stays small.

use serde::Serialize;

/// Width of every chart's `viewBox`: about the width a phone gives a chart in CSS
/// pixels, so that text drawn at 12 to 13 units reads at that size there.
pub const WIDTH: u32 = 300;
/// Height of a row with a one-line label: label line, bar, gap.
const ROW_PITCH: u32 = 42;
/// Each further line of a long label adds this much.
const LINE_HEIGHT: u32 = 16;
/// Characters a label line holds at 13 units in `WIDTH` (about 7 units a character);
/// longer labels wrap between words.
const LABEL_CHARS: usize = 40;
/// Space above the first row and below the last.
const PADDING: u32 = 4;
/// Baseline of a row's label, from the top of the row.
const LABEL_BASELINE: u32 = 13;
/// Top of a row's bar, from the top of the row.
const BAR_TOP: u32 = 18;
const BAR_HEIGHT: u32 = 16;
/// Baseline of numbers drawn on or after a bar, from the bar's top.
const VALUE_BASELINE: u32 = 12;
/// Room kept right of the longest bar for its total (up to five digits at 12 units).
const TOTAL_ROOM: u32 = 36;
/// Gap between the end of a bar and its total.
const TOTAL_GAP: u32 = 4;
/// Narrowest segment that can hold its number: two digits at 12 units.
const MIN_INSIDE: u32 = 18;

/// A series of a chart, e.g. the 3★ segments; the legend lists these.
#[derive(Debug, Serialize)]
pub struct Series {
    /// CSS class of the series' segments, which sets their colours.
    pub class: String,
    pub label: String,
    /// Sum over all rows.
    pub total: usize,
}

#[derive(Debug, Serialize)]
pub struct Chart {
    pub width: u32,
    pub height: u32,
    /// Sum over all rows and series: 0 means there is nothing to draw.
    pub total: usize,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub label: String,
    /// The label wrapped to fit the width, each line with its baseline (x = 0).
    pub label_lines: Vec<Line>,
    pub total: usize,
    pub bar_y: u32,
    pub bar_height: u32,
    /// Baseline of the numbers on and after the bar.
    pub value_y: u32,
    /// Where the row's total is written (left-aligned).
    pub total_x: u32,
    /// Non-empty segments only, in series order.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Serialize)]
pub struct Line {
    pub text: String,
    pub y: u32,
}

#[derive(Debug, Serialize)]
pub struct Segment {
    pub class: String,
    /// The series' label, for the segment's tooltip.
    pub series: String,
    pub value: usize,
    pub x: u32,
    pub width: u32,
    /// Centre of the segment, for its number.
    pub value_x: u32,
    /// Whether the segment is wide enough to show its number inside.
    pub inside: bool,
}

/// One input row: a label and one value per series.
pub struct Bar {
    pub label: String,
    pub values: Vec<usize>,
}

/// Lay out stacked bars. `series` gives each series' (CSS class, label); a row with
/// fewer values than series counts the missing ones as 0. The longest bar fills the
/// width; an empty chart has every bar at zero width instead of dividing by zero.
pub fn stacked<S: AsRef<str>>(series: &[(&str, S)], bars: Vec<Bar>) -> Chart {
    let totals: Vec<usize> = bars.iter().map(|b| b.values.iter().sum()).collect();
    let longest = totals.iter().copied().max().unwrap_or(0);
    let legend: Vec<Series> = series
        .iter()
        .enumerate()
        .map(|(s, (class, label))| Series {
            class: (*class).to_owned(),
            label: label.as_ref().to_owned(),
            total: bars.iter().filter_map(|b| b.values.get(s)).sum(),
        })
        .collect();
    let span = WIDTH - TOTAL_ROOM;
    // Ends are computed from running sums, so segments meet exactly and a bar's length
    // is proportional to its total whatever the rounding of its parts.
    let end = |sum: usize| -> u32 {
        if longest == 0 {
            return 0;
        }
        let (sum, longest) = (sum as u64, longest as u64);
        u32::try_from((sum * u64::from(span) + longest / 2) / longest).unwrap_or(span)
    };
    let mut top = PADDING;
    let rows: Vec<Row> = bars
        .into_iter()
        .zip(&totals)
        .map(|(bar, &total)| {
            let lines = wrap(&bar.label, LABEL_CHARS);
            let extra = LINE_HEIGHT * (lines.len().max(1) as u32 - 1);
            let label_lines = (0..)
                .zip(lines)
                .map(|(n, text)| Line {
                    text,
                    y: top + LABEL_BASELINE + LINE_HEIGHT * n,
                })
                .collect();
            let bar_y = top + BAR_TOP + extra;
            top += ROW_PITCH + extra;
            let mut running = 0;
            let segments = series
                .iter()
                .zip(bar.values.iter().copied().chain(std::iter::repeat(0)))
                .filter_map(|((class, label), value)| {
                    let x = end(running);
                    running += value;
                    let width = end(running) - x;
                    (value > 0).then(|| Segment {
                        class: (*class).to_owned(),
                        series: label.as_ref().to_owned(),
                        value,
                        x,
                        width,
                        value_x: x + width / 2,
                        inside: width >= MIN_INSIDE,
                    })
                })
                .collect();
            Row {
                label: bar.label,
                label_lines,
                total,
                bar_y,
                bar_height: BAR_HEIGHT,
                value_y: bar_y + VALUE_BASELINE,
                total_x: end(total) + TOTAL_GAP,
                segments,
            }
        })
        .collect();
    Chart {
        width: WIDTH,
        height: top + PADDING,
        total: totals.iter().sum(),
        series: legend,
        rows,
    }
}

/// `text` in lines of at most `width` characters, broken between words; a single
/// longer word keeps a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, values: &[usize]) -> Bar {
        Bar {
            label: label.into(),
            values: values.to_vec(),
        }
    }

    const STARS: [(&str, &str); 3] = [("s3", "3 sao"), ("s4", "4 sao"), ("s5", "5 sao")];

    #[test]
    fn the_longest_bar_fills_the_width_and_segments_meet() {
        let chart = stacked(&STARS, vec![bar("A", &[3, 1, 0]), bar("B", &[1, 1, 1])]);
        let span = WIDTH - TOTAL_ROOM;
        let a = &chart.rows[0];
        assert_eq!(a.total, 4);
        // Empty segments are left out.
        assert_eq!(a.segments.len(), 2);
        assert_eq!((a.segments[0].x, a.segments[0].width), (0, span * 3 / 4));
        assert_eq!(a.segments[1].x, span * 3 / 4);
        assert_eq!(a.segments[1].x + a.segments[1].width, span);
        assert_eq!(a.total_x, span + TOTAL_GAP);
        let b = &chart.rows[1];
        assert_eq!(b.segments.len(), 3);
        assert_eq!(b.segments[2].x + b.segments[2].width, span * 3 / 4);
        assert_eq!(chart.total, 7);
        let totals: Vec<usize> = chart.series.iter().map(|s| s.total).collect();
        assert_eq!(totals, [4, 2, 1]);
        assert_eq!(chart.height, PADDING * 2 + ROW_PITCH * 2);
        assert!(b.bar_y > a.bar_y + BAR_HEIGHT);
    }

    #[test]
    fn an_empty_chart_draws_nothing_and_does_not_divide_by_zero() {
        let chart = stacked(&STARS, vec![bar("A", &[0, 0, 0]), bar("B", &[])]);
        assert_eq!(chart.total, 0);
        assert!(chart.rows.iter().all(|r| r.segments.is_empty()));
        assert!(chart.rows.iter().all(|r| r.total_x == TOTAL_GAP));
        let none = stacked(&STARS, Vec::new());
        assert_eq!((none.total, none.rows.len()), (0, 0));
        assert_eq!(none.height, PADDING * 2);
    }

    #[test]
    fn long_labels_wrap_and_push_the_next_rows_down() {
        let long = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch";
        assert_eq!(
            wrap(long, LABEL_CHARS),
            [
                "Dịch vụ du lịch cộng đồng, du lịch sinh",
                "thái và điểm du lịch"
            ]
        );
        assert_eq!(wrap("  Thực   phẩm ", LABEL_CHARS), ["Thực phẩm"]);
        let chart = stacked(&[("x", "x")], vec![bar(long, &[1]), bar("B", &[1])]);
        let (first, second) = (&chart.rows[0], &chart.rows[1]);
        assert_eq!(first.label_lines.len(), 2);
        assert_eq!(first.label_lines[1].y, first.label_lines[0].y + LINE_HEIGHT);
        assert_eq!(first.bar_y, PADDING + BAR_TOP + LINE_HEIGHT);
        assert_eq!(
            second.label_lines[0].y,
            first.bar_y + ROW_PITCH - BAR_TOP + LABEL_BASELINE
        );
        assert_eq!(chart.height, PADDING * 2 + ROW_PITCH * 2 + LINE_HEIGHT);
    }

    #[test]
    fn narrow_segments_keep_their_number_outside() {
        let chart = stacked(&[("x", "x")], vec![bar("A", &[100]), bar("B", &[1])]);
        assert!(chart.rows[0].segments[0].inside);
        assert!(!chart.rows[1].segments[0].inside);
        // A one-in-a-hundred bar is still drawn, however thin.
        assert_eq!(chart.rows[1].segments[0].width, 3);
    }
}
