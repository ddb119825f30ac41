import Domain

extension CalendarPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let calendar = context.calendar
    let today = context.today
    let month = cursor.firstOfMonth
    var y = area.y
    let header = "\(month.year)年\(month.month)月"
    frame.put(header, x: area.x, y: y, style: .bold)
    if !calendar.isLoaded(year: month.year) {
      frame.put(
        "  \(month.year)年节假日安排未导入,按周一至周五计算", x: area.x + DisplayWidth.of(header), y: y,
        maxWidth: area.width - DisplayWidth.of(header), style: .warning)
    }
    y += 1
    // On a wide screen the month's holidays and the legend stand beside the grid.
    let sideWidth = area.width >= 100 ? 34 : 0
    let gridWidth = area.width - sideWidth
    let cellWidth = max(6, min(10, gridWidth / 7))
    if sideWidth > 0 {
      renderMonthNotes(
        into: &frame,
        Rect(
          x: area.x + 7 * cellWidth + 2, y: area.y + 1, width: sideWidth - 2,
          height: area.height - 1),
        month: month, calendar)
    }
    for (i, name) in ["一", "二", "三", "四", "五", "六", "日"].enumerated() {
      frame.put(
        " " + name, x: area.x + i * cellWidth, y: y, style: i >= 5 ? Style.weekend : .header)
    }
    y += 1
    // Weeks as rows, Monday first; each week takes two lines (day, then holiday name or 调休).
    var day = month.adding(days: -(month.weekday - 1))
    while day.month == month.month || day < month {
      for col in 0..<7 {
        let d = day.adding(days: col)
        guard d.month == month.month else { continue }
        drawDay(
          d, into: &frame, x: area.x + col * cellWidth, y: y, width: cellWidth, today: today,
          calendar)
      }
      y += 2
      day = day.adding(days: 7)
      if day.month != month.month && day > month { break }
    }
    y = renderSelection(into: &frame, area: area, y: y, calendar)
    renderCalculator(into: &frame, area: area, y: y + 1, context)
  }

  func drawDay(
    _ d: CivilDate, into frame: inout Frame, x: Int, y: Int, width: Int, today: CivilDate,
    _ calendar: WorkCalendar
  ) {
    let kind = calendar.kind(of: d)
    var style: Style
    let label: String
    switch kind {
    case .workday:
      style = .normal
      label = ""
    case .weekend:
      style = .weekend
      label = ""
    case .holiday(let name):
      style = .holiday
      label = name
    case .makeupWorkday:
      style = .makeup
      label = "调休上班"
    }
    let number = d.day < 10 ? " \(d.day)" : "\(d.day)"
    let text = d == today ? "[\(number)]" : " \(number) "
    if d == cursor {
      style = .focusedSelected
      frame.fill(Rect(x: x, y: y, width: width - 1, height: 2), style: style)
    }
    frame.put(text, x: x, y: y, maxWidth: width - 1, style: style)
    if !label.isEmpty {
      let pad = DisplayWidth.of(label) < width - 1 ? " " : ""
      frame.put(pad + label, x: x, y: y + 1, maxWidth: width - 1, style: style)
    }
  }

  /// The month's holidays and 调休 working days as a list, then the legend.
  func renderMonthNotes(
    into frame: inout Frame, _ area: Rect, month: CivilDate, _ calendar: WorkCalendar
  ) {
    var y = area.y
    frame.put("本月节假日与调休", x: area.x, y: y, maxWidth: area.width, style: .header)
    y += 1
    var d = month
    var any = false
    while d.month == month.month, y < area.maxY - 4 {
      let note: (String, Style)? =
        switch calendar.kind(of: d) {
        case .holiday(let name): ("\(name) 放假", .holiday)
        case .makeupWorkday(let name): ("\(name) 上班", .makeup)
        default: nil
        }
      if let (text, style) = note {
        frame.put(
          "\(d.month)月\(d.day)日 周\(d.weekdayName)  \(text)", x: area.x, y: y,
          maxWidth: area.width, style: style)
        y += 1
        any = true
      }
      d = d.adding(days: 1)
    }
    if !any {
      frame.put("(本月无法定节假日)", x: area.x, y: y, maxWidth: area.width, style: .dim)
      y += 1
    }
    y += 1
    let legend = [
      ("图例", Style.header), ("[26] 今天", Style.normal), ("节日名  法定节假日,休息", Style.holiday),
      ("调休上班  周末上班", Style.makeup), ("受理当日不计,自次日起算", Style.dim),
    ]
    for (text, style) in legend where y < area.maxY {
      frame.put(text, x: area.x, y: y, maxWidth: area.width, style: style)
      y += 1
    }
  }

  /// One line about the selected day.
  func renderSelection(into frame: inout Frame, area: Rect, y: Int, _ calendar: WorkCalendar) -> Int
  {
    let d = cursor
    let what: String
    switch calendar.kind(of: d) {
    case .workday: what = "工作日"
    case .weekend: what = "周末休息"
    case .holiday(let name): what = "\(name) 法定节假日,休息"
    case .makeupWorkday(let name): what = "\(name): 周末上班"
    }
    frame.put(
      "所选: \(d.iso) 星期\(d.weekdayName)  \(what)", x: area.x, y: y, maxWidth: area.width,
      style: .bold)
    return y + 1
  }

  func renderCalculator(into frame: inout Frame, area: Rect, y: Int, _ context: AppContext) {
    var x = area.x
    let focus: Int? = {
      if case .calculator(let f) = mode { return f }
      return nil
    }()
    x += frame.put("期限计算  受理日期 ", x: x, y: y, style: .header)
    receipt.render(into: &frame, x: x, y: y, width: 11, focused: focus == 0)
    x += 12
    x += frame.put(" 办理时限 ", x: x, y: y)
    days.render(into: &frame, x: x, y: y, width: 4, focused: focus == 1)
    x += 4
    frame.put(" 个工作日", x: x, y: y)
    switch calculation(context.calendar) {
    case .failure(let e):
      frame.put(e.message, x: area.x, y: y + 1, maxWidth: area.width, style: .danger)
    case .success(let r):
      let cd = context.calendar.countdown(today: context.today, due: r.deadline)
      let badgeStyle: Style =
        cd.level == .overdue ? .danger : (cd.level == .warning ? .warning : .ok)
      let line = "截止日期 \(r.deadline.iso) 星期\(r.deadline.weekdayName)(受理当日不计)  按今天计: "
      let used = frame.put(line, x: area.x, y: y + 1, maxWidth: area.width, style: .bold)
      frame.put(
        cd.label, x: area.x + used, y: y + 1, maxWidth: area.width - used, style: badgeStyle)
      let missing = Set([r.received.year, r.deadline.year]).filter {
        !context.calendar.isLoaded(year: $0)
      }
      if !missing.isEmpty {
        let years = missing.sorted().map(String.init).joined(separator: "、")
        frame.put(
          "注意: \(years)年节假日未导入,按周一至周五计算,结果可能不准", x: area.x, y: y + 2,
          maxWidth: area.width, style: .warning)
      }
    }
  }
}
