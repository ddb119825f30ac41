import Foundation

/// The acceptance of issue 26: a screen costs what it shows, not how much the database holds.
/// Judged in database pages (the same on every machine, under any load), every larger size
/// against the smallest measured: the first frame and 督办总览 within 1.25× (plus 30 pages);
/// each queue page and search within 1.5× (plus 1) in pages per row shown.
enum PageFlatness {
  /// Measurements whose cost is a fixed screen: pages in total.
  static let whole = ["first_frame", "overview"]
  /// Measurements that return rows: pages per row.
  static let perRow = [
    "overdue_queue", "deadline_drilldown", "township_applications", "centre_applications",
    "township_complaints", "search_2", "search_4", "application_search_2",
    "application_search_4", "search_catalog", "case_view",
  ]

  struct Point {
    var cases: Int
    var pages: Int
    var rows: Int?
    var perRow: Double { Double(pages) / Double(max(rows ?? 1, 1)) }
  }

  static func points(_ name: String, _ sizes: [SizeReport]) -> (label: String, [Point])? {
    var label = name
    var out: [Point] = []
    for s in sizes {
      if name == "first_frame" {
        label = "打开数据库到首帧"
        out.append(Point(cases: s.generation.cases, pages: s.firstFramePages))
      } else if let q = s.queries.first(where: { $0.name == name }) {
        label = q.label
        out.append(Point(cases: s.generation.cases, pages: q.pages, rows: q.rows))
      }
    }
    return out.count == sizes.count ? (label, out) : nil
  }

  static func judge(_ sizes: [SizeReport]) -> [Budget] {
    let sorted = sizes.sorted { $0.generation.cases < $1.generation.cases }
    guard sorted.count > 1 else { return [] }
    var out: [Budget] = []
    for name in whole {
      guard let (label, p) = points(name, sorted), let small = p.first else { continue }
      let limit = 1.25 * Double(small.pages) + 30
      out.append(
        Budget(
          name: "页数不随N增长 flat pages: \(label)",
          limit: String(format: "≤ 1.25 × %d + 30 = %.0f 页", small.pages, limit),
          figure: p.map { "N=\($0.cases): \($0.pages) 页" }.joined(separator: " → "),
          met: p.dropFirst().allSatisfy { Double($0.pages) <= limit }, acceptance: true))
    }
    for name in perRow {
      guard let (label, p) = points(name, sorted), let small = p.first else { continue }
      let limit = 1.5 * small.perRow + 1
      out.append(
        Budget(
          name: "每行页数不随N增长 flat pages per row: \(label)",
          limit: String(format: "≤ 1.5 × %.2f + 1 = %.2f 页/行", small.perRow, limit),
          figure: p.map {
            String(format: "N=%d: %d 页 / %d 行 = %.2f", $0.cases, $0.pages, $0.rows ?? 0, $0.perRow)
          }.joined(separator: " → "),
          met: p.dropFirst().allSatisfy { $0.perRow <= limit }, acceptance: true))
    }
    return out
  }
}
