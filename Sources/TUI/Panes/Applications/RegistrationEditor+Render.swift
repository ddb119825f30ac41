import Domain

extension RegistrationEditor {
  static let labelWidth = 17

  public func render(into frame: inout Frame, area: Rect) {
    frame.fill(area)
    let s = item.snapshot
    var y = area.y
    frame.put(
      "新建申请  \(s.name)  \(s.code) 第\(s.version)版", x: area.x, y: y, maxWidth: area.width,
      style: .bold)
    y += 1
    let result = s.result.isEmpty ? "" : "  结果: \(s.result)"
    frame.put(
      "\(s.organisationName)  承诺\(s.promisedText)  \(s.fee)\(result)", x: area.x, y: y,
      maxWidth: area.width, style: .dim)
    y += 1
    if let message {
      frame.put(message, x: area.x, y: y, maxWidth: area.width, style: .danger)
    } else if let e = errors[focus] {
      frame.put(e, x: area.x, y: y, maxWidth: area.width, style: .danger)
    }
    y += 1
    let inputWidth = max(12, min(30, area.width - Self.labelWidth - 2 - 20))
    let ix = area.x + Self.labelWidth + 1
    let sideX = ix + inputWidth + 1
    for f in Field.allCases where f != .materials && !isHidden(f) {
      guard y < area.maxY else { break }
      let focused = f == focus
      let required =
        f == .name || f == .idNumber || f == .phone
        || (f != .assist && f != .group && f.rawValue >= Field.assist.rawValue)
      frame.put(
        (required ? "*" : " ") + label(f), x: area.x, y: y, maxWidth: Self.labelWidth,
        style: focused ? .bold : .normal)
      switch f {
      case .kind: kind.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .name: name.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .idNumber:
        idNumber.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .phone: phone.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .channel:
        channel.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .note: note.render(into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      case .materials: break
      default:
        renderAssistance(f, into: &frame, x: ix, y: y, width: inputWidth, focused: focused)
      }
      if let e = errors[f] {
        frame.put(e, x: sideX, y: y, maxWidth: area.maxX - sideX, style: .danger)
      } else if let h = hints[f] {
        frame.put(h, x: sideX, y: y, maxWidth: area.maxX - sideX, style: .dim)
      }
      y += 1
    }
    guard y + 1 < area.maxY else { return }
    let focusedList = focus == .materials
    let missing = checklist.unsatisfied
    var heading = "申请材料  Enter切换 1已收 2缺 3有误 4免提交"
    if missing > 0 { heading += "  必要材料缺或有误\(missing)项" }
    frame.put(
      heading, x: area.x, y: y, maxWidth: area.width, style: focusedList ? .bold : .header)
    if let e = errors[.materials] {
      let w = DisplayWidth.of(heading) + 2
      frame.put(e, x: area.x + w, y: y, maxWidth: area.width - w, style: .danger)
    }
    y += 1
    checklist.render(
      into: &frame, area: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
      focused: focusedList)
    if focusedList { frame.cursor = nil }
  }

  /// Rows the checklist gets in `area` (for PgUp/PgDn).
  static func checklistPage(_ area: Rect) -> Int { max(1, area.height - 10) }
}
