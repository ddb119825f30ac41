import Domain

/// 材料清单 — the item's materials with their status: Enter cycles 已收 / 缺 / 有误 / 免提交,
/// the digits 1 to 4 set one directly.
///
/// A new checklist shows every line 未核 until the clerk sets it: a checklist that starts 已收
/// let F5 print 「申请材料齐全」 without anyone looking. The status under 未核 is the usual one,
/// which the clerk takes for every line still unchecked by answering 「全部材料已收齐?」.
public struct MaterialChecklist: Equatable, Sendable {
  public let materials: [MaterialRequirement]
  public private(set) var statuses: [MaterialStatus]
  /// Lines the clerk has set (every line of a checklist given its statuses).
  public private(set) var checked: [Bool]
  public private(set) var cursor = ListCursor()
  /// The statuses it opened with (Esc asks first once one changed).
  private let openedWith: [MaterialStatus]
  private let openedChecked: [Bool]

  public init(materials: [MaterialRequirement], statuses: [MaterialStatus]? = nil) {
    self.materials = materials
    self.statuses = statuses ?? materials.map(MaterialStatus.initial(for:))
    checked = Array(repeating: statuses != nil, count: materials.count)
    openedWith = self.statuses
    openedChecked = checked
  }

  /// Lines still 未核.
  public var unchecked: Int { checked.filter { !$0 }.count }

  /// The clerk confirmed every material is in hand: unchecked lines take their usual status.
  public mutating func checkAll() {
    checked = Array(repeating: true, count: materials.count)
  }

  public var isChanged: Bool { statuses != openedWith || checked != openedChecked }

  public var selected: Int { cursor.selected }

  /// Required materials not in hand.
  public var unsatisfied: Int {
    zip(materials, statuses).filter { $0.required && !$1.isSatisfied }.count
  }

  public enum Outcome: Equatable, Sendable {
    case none
    case changed
    /// Up on the first row / Down on the last: the editor moves focus out.
    case leftTop
    case leftBottom
  }

  /// What each digit sets.
  static let digitStatus: [Character: MaterialStatus] = [
    "1": .received, "2": .missing, "3": .defective, "4": .exempt,
  ]

  public mutating func handle(_ key: Key, page: Int) -> Outcome {
    guard !materials.isEmpty else { return key == .up ? .leftTop : .none }
    let i = cursor.selected
    switch key {
    case .enter, .char(" "):
      // The first key on an unchecked line confirms what it shows under 未核.
      if checked[i] {
        statuses[i] = statuses[i].toggled(shareable: materials[i].shareable)
      }
      checked[i] = true
      return .changed
    case .char(let c):
      guard let s = Self.digitStatus[c], s != .exempt || materials[i].shareable else {
        return .none
      }
      statuses[i] = s
      checked[i] = true
      return .changed
    case .up where i == 0: return .leftTop
    case .down where i == materials.count - 1: return .leftBottom
    default:
      _ = cursor.handle(key, count: materials.count, page: page)
      return .none
    }
  }

  public mutating func focusFirst() { cursor.select(0, count: materials.count, page: 1) }

  /// One row per material: status, name, requirement; the cursor row reversed when focused.
  public func render(into frame: inout Frame, area: Rect, focused: Bool) {
    guard area.height > 0 else { return }
    if materials.isEmpty {
      frame.put("(本事项无需申请材料)", x: area.x, y: area.y, maxWidth: area.width, style: .dim)
      return
    }
    // Room to spare: the selected material's whole requirement under the list.
    var area = area
    if focused, area.height >= materials.count + 3 {
      let m = materials[cursor.selected]
      let lines = DisplayWidth.wrap("\(m.name): \(m.summary)", columns: max(10, area.width))
      for (i, l) in lines.prefix(2).enumerated() {
        frame.put(l, x: area.x, y: area.maxY - 2 + i, maxWidth: area.width, style: .dim)
      }
      area.height -= 3
    }
    var c = cursor
    c.clamp(count: materials.count, page: area.height)
    let summaryWidth = min(22, max(0, area.width / 3))
    for (i, m) in materials.enumerated().dropFirst(c.top).prefix(area.height) {
      let y = area.y + i - c.top
      let status = statuses[i]
      let selected = focused && i == c.selected
      let rowStyle: Style = selected ? .focusedSelected : .normal
      if selected {
        frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
      }
      let tagStyle: Style =
        selected ? rowStyle : checked[i] ? Self.style(status, required: m.required) : .warning
      let tag = checked[i] ? status.title : "未核"
      frame.put(DisplayWidth.pad("[\(tag)]", to: 8), x: area.x, y: y, style: tagStyle)
      let nameWidth = max(4, area.width - 9 - summaryWidth - 1)
      frame.put(m.name, x: area.x + 9, y: y, maxWidth: nameWidth, style: rowStyle)
      if summaryWidth > 0 {
        frame.put(
          m.summary, x: area.maxX - summaryWidth, y: y, maxWidth: summaryWidth,
          style: selected ? rowStyle : .dim)
      }
    }
  }

  static func style(_ s: MaterialStatus, required: Bool) -> Style {
    switch s {
    case .received: return .ok
    case .exempt: return .dim
    case .missing: return required ? .danger : .dim
    case .defective: return .danger
    }
  }
}
