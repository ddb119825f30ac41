import Foundation

/// 工作日序号表 — a precomputed index that turns working-day arithmetic into array look-ups.
///
/// The ordinal of a date is the number of working days on or before it, counted from a fixed origin.
/// Inside the table's range it is read from `cumulative`; outside, the Mon–Fri rule is continued in
/// closed form from the table's edges, so the ordinal is defined and consistent for every date.
/// Deadlines go the other way through `workingDayAt`, the day offset of each working day.
///
/// - Complexity: O(1) per query; building walks the range once (about 84,000 days).
struct WorkingDayIndex: Sendable {
  /// Day number of the first day the table covers.
  let firstDay: Int
  /// Day number of the last day the table covers.
  let lastDay: Int
  /// `cumulative[i]`: working days in `firstDay ... firstDay + i`. Int32 halves the memory; the
  /// largest value is under 100,000.
  private let cumulative: [Int32]
  /// `workingDayAt[k - 1]`: offset from `firstDay` of the working day whose ordinal is `k`.
  private let workingDayAt: [Int32]

  init(firstDay: Int, lastDay: Int, isWorkingDay: (Int) -> Bool) {
    precondition(firstDay <= lastDay, "empty working-day table")
    self.firstDay = firstDay
    self.lastDay = lastDay
    let count = lastDay - firstDay + 1
    var cumulative = [Int32](repeating: 0, count: count)
    var workingDayAt: [Int32] = []
    workingDayAt.reserveCapacity(count * 5 / 7 + 16)
    var running: Int32 = 0
    for offset in 0..<count {
      if isWorkingDay(firstDay + offset) {
        running += 1
        workingDayAt.append(Int32(offset))
      }
      cumulative[offset] = running
    }
    self.cumulative = cumulative
    self.workingDayAt = workingDayAt
  }

  /// Working days in the table: the ordinal of `lastDay`.
  private var total: Int { workingDayAt.count }

  /// Number of working days on or before `day` (ordinal 0 is the day before `firstDay`).
  func ordinal(ofDay day: Int) -> Int {
    if day < firstDay {
      return Self.weekdaysBefore(day + 1) - Self.weekdaysBefore(firstDay)
    }
    if day > lastDay {
      return total + Self.weekdaysBefore(day + 1) - Self.weekdaysBefore(lastDay + 1)
    }
    return Int(cumulative[day - firstDay])
  }

  /// The working day whose ordinal is `ordinal`: the first day at which `ordinal(ofDay:)` reaches it.
  func day(ofOrdinal ordinal: Int) -> Int {
    if ordinal <= 0 {
      // Outside the table working days are the weekdays, and a weekday d adds one to the count at
      // d + 1, so solve weekdaysBefore(d) for the count just before the wanted ordinal.
      return Self.weekday(after: ordinal - 1 + Self.weekdaysBefore(firstDay))
    }
    if ordinal > total {
      return Self.weekday(after: ordinal - total - 1 + Self.weekdaysBefore(lastDay + 1))
    }
    return firstDay + Int(workingDayAt[ordinal - 1])
  }

  // MARK: - The Mon–Fri rule in closed form

  /// Day number of a Monday (1970-01-05), the anchor of the closed-form weekday count.
  private static let mondayAnchor = 4

  /// Mon–Fri days in `[mondayAnchor, day)`, negative when `day` is before the anchor. Increases by one
  /// across each weekday and stays flat across each weekend.
  static func weekdaysBefore(_ day: Int) -> Int {
    let (weeks, rest) = floorDivide(day - mondayAnchor, 7)
    return 5 * weeks + min(rest, 5)
  }

  /// The weekday `d` with `weekdaysBefore(d) == count`: the inverse of `weekdaysBefore` on weekdays.
  static func weekday(after count: Int) -> Int {
    let (weeks, rest) = floorDivide(count, 5)
    return mondayAnchor + 7 * weeks + rest
  }

  /// Quotient rounded toward minus infinity and the non-negative remainder.
  private static func floorDivide(_ a: Int, _ b: Int) -> (Int, Int) {
    let q = a / b
    let r = a % b
    return r < 0 ? (q - 1, r + b) : (q, r)
  }
}
