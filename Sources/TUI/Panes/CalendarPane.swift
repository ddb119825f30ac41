import Domain

/// 工作日历 — the month grid of working days, holidays and 调休, and the deadline calculator a
/// clerk uses to answer "when will my licence be ready?".
public struct CalendarPane: Pane {
  public enum Mode: Equatable, Sendable {
    case grid
    /// Editing the calculator; 0 = receipt date, 1 = working days.
    case calculator(field: Int)
  }

  public let title = "工作日历"
  public private(set) var cursor: CivilDate
  public private(set) var mode: Mode = .grid
  public private(set) var receipt: TextField
  public private(set) var days: TextField

  public init(today: CivilDate) {
    cursor = today
    receipt = TextField(label: "受理日期", text: today.iso, maxLength: 10, placeholder: "YYYY-MM-DD")
    days = TextField(label: "办理时限", text: "20", maxLength: 3, placeholder: "天数")
  }

  enum GridCommand: String, PaneCommand {
    case move, previousMonth, nextMonth, today, useDate, calculate
  }

  enum CalculatorCommand: String, PaneCommand {
    case switchField, showDeadline, back
  }

  static let gridKeys = KeymapSection(
    "工作日历",
    [
      KeyBinding(
        [.up, .down, .left, .right, .char("h"), .char("j"), .char("k"), .char("l")],
        GridCommand.move, "按日/周移动"),
      KeyBinding([.pageUp], GridCommand.previousMonth, "上月", bar: true),
      KeyBinding([.pageDown], GridCommand.nextMonth, "下月", bar: true),
      KeyBinding([.char("t")], GridCommand.today, "回到今天", bar: true),
      KeyBinding([.enter], GridCommand.useDate, "以所选日期为受理日期", bar: true),
      KeyBinding([.char("c"), .function(2)], GridCommand.calculate, "期限计算", bar: true),
    ])

  static let calculatorKeys = KeymapSection(
    "期限计算",
    [
      KeyBinding([.tab, .backTab], CalculatorCommand.switchField, "切换输入框", bar: true),
      KeyBinding([.enter], CalculatorCommand.showDeadline, "在日历上显示截止日", bar: true),
      KeyBinding([.escape], CalculatorCommand.back, "返回日历", bar: true),
    ])

  public static let keymap = [gridKeys, calculatorKeys]

  public var bindings: KeymapSection { mode == .grid ? Self.gridKeys : Self.calculatorKeys }
  public var capturesText: Bool { mode != .grid }

  public mutating func activate(_ context: AppContext) {}

  public mutating func handle(_ key: Key, _ context: AppContext) -> PaneResponse {
    switch mode {
    case .grid: return handleGrid(key, context)
    case .calculator(let field): return handleCalculator(key, field: field, context)
    }
  }

  mutating func handleGrid(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let command = Self.gridKeys.command(for: key, as: GridCommand.self) else {
      return .ignored
    }
    switch command {
    case .move:
      switch key {
      case .up, .char("k"): cursor = cursor.adding(days: -7)
      case .down, .char("j"): cursor = cursor.adding(days: 7)
      case .left, .char("h"): cursor = cursor.adding(days: -1)
      default: cursor = cursor.adding(days: 1)
      }
    case .previousMonth: cursor = cursor.adding(months: -1)
    case .nextMonth: cursor = cursor.adding(months: 1)
    case .today: cursor = context.today
    case .useDate:
      receipt.set(cursor.iso)
      mode = .calculator(field: 1)
      return .toast(.info("受理日期设为 \(cursor.iso),请输入办理时限(工作日)"))
    case .calculate: mode = .calculator(field: 0)
    }
    cursor = WorkCalendar.clampToCalculatorYears(cursor)
    return .handled
  }

  mutating func handleCalculator(_ key: Key, field: Int, _ context: AppContext) -> PaneResponse {
    switch Self.calculatorKeys.command(for: key, as: CalculatorCommand.self) {
    case .switchField?:
      mode = .calculator(field: field == 0 ? 1 : 0)
      return .handled
    case .back?:
      mode = .grid
      return .handled
    case .showDeadline?:
      switch calculation(context.calendar) {
      case .success(let r):
        cursor = r.deadline
        mode = .grid
        return .toast(.info("截止日期 \(r.deadline.iso) 星期\(r.deadline.weekdayName)"))
      case .failure(let message):
        return .toast(.error(message.message))
      }
    case nil:
      if field == 0 {
        _ = receipt.handle(key)
      } else {
        // Only digits make sense in a day count; anything else is ignored, not inserted.
        if case .char(let c) = key, !c.isASCII || !c.isNumber { return .handled }
        _ = days.handle(key)
      }
      return .handled
    }
  }

  /// The calculator's answer, or what is wrong with its input (both decided by the calendar).
  public func calculation(_ calendar: WorkCalendar) -> Result<WorkCalendar.Calculation, Refusal> {
    calendar.calculate(received: receipt.trimmed, workingDays: days.trimmed)
  }
}
