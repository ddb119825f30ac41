import Domain

/// The rules a screen statement's `EXPLAIN QUERY PLAN` keeps (issue 26): read an index in page
/// order and stop at the page.
public enum PlanRules {
  /// What in a plan breaks the rules: a temporary B-tree (an ORDER BY or DISTINCT sorted after
  /// reading), or a SCAN (of a table, or of an index from its start). A full-text index's own
  /// search and a subquery's rows already bounded are not scans.
  public static func violations(_ plan: [String]) -> [String] {
    plan.filter { line in
      if line.contains("USE TEMP B-TREE") { return true }
      guard line.hasPrefix("SCAN ") else { return false }
      return !line.contains("VIRTUAL TABLE") && !line.hasPrefix("SCAN (subquery")
        && !line.hasPrefix("SCAN CONSTANT ROW")
    }
  }

  /// Tables a reference read may scan: the district's set-up, not its cases (`i` is the item
  /// catalogue's alias), and the counters of one row per organisation (or organisation and
  /// phase) that the district-wide tab counts sum.
  public static let referenceTables: Set<String> = [
    "org", "staff", "rule", "catalog_item", "i", "application_count", "rectification_count",
  ]

  /// Whether the plan keeps the rules under the allowance; the message says why not.
  public static func check(_ plan: [String], allowance: PlanAllowance?) -> String? {
    let bad = violations(plan)
    switch allowance {
    case nil:
      return bad.isEmpty ? nil : "not in page order: " + bad.joined(separator: "; ")
    case .orderedScan:
      // One ordered pass over an index, never a table's own rows, never a sort.
      let wrong = bad.filter { $0.contains("TEMP B-TREE") || !$0.contains(" INDEX ") }
      return wrong.isEmpty ? nil : "an ordered scan reads more: " + wrong.joined(separator: "; ")
    case .boundedSort:
      let scans = bad.filter { $0.hasPrefix("SCAN ") }
      return scans.isEmpty ? nil : "a bounded sort scans: " + scans.joined(separator: "; ")
    case .referenceData:
      let scans = bad.filter { line in
        line.hasPrefix("SCAN ")
          && !referenceTables.contains(String(line.split(separator: " ")[1]))
      }
      return scans.isEmpty ? nil : "scans case tables: " + scans.joined(separator: "; ")
    case .pending:
      return bad.isEmpty ? "in page order now: remove its pending mark" : nil
    }
  }

  /// A statement's text with its values taken out (bound or written in), so a traced
  /// statement with its arguments expanded matches its catalogue entry.
  public static func shape(_ sql: String) -> String {
    var out = ""
    var inString = false
    var previous: Character = " "
    var chars = Array(sql)[...]
    while let c = chars.popFirst() {
      if inString {
        if c == "'" {
          if chars.first == "'" { chars.removeFirst() } else { inString = false }
        }
        continue
      }
      if c == "'" {
        inString = true
        out.append("?")
      } else if c.isNumber, !(previous.isLetter || previous == "_" || previous.isNumber) {
        while let d = chars.first, d.isNumber || d == "." { chars.removeFirst() }
        out.append("?")
      } else if c.isWhitespace {
        if out.last != " " { out.append(" ") }
      } else {
        out.append(c)
      }
      previous = c
    }
    return out.trimmingSpaces()
  }
}

extension Store {
  /// SQLite's plan of a statement, one line per step (`EXPLAIN QUERY PLAN`).
  public func queryPlan(_ sql: String, _ args: [any SQLBindable] = []) throws -> [String] {
    try db.fetchAll("EXPLAIN QUERY PLAN " + sql, args) { $0.text(3) }
  }
}
