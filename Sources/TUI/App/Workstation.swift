import Domain

/// 工作台 — the whole application state: panes, which is in front, and the overlays.
///
/// `handle(_:)` is the update function, `render(width:height:)` the view; neither touches curses
/// or SQLite, so both are tested directly.
public struct Workstation {
  public var panes: [any Pane]
  public private(set) var active: Int = 0
  public var context: AppContext
  public var toast: Toast?
  public private(set) var help: HelpOverlay?
  /// 查找 (F7), while open.
  public internal(set) var finding: FindOverlay?
  /// Where 查找 reads (the store; nil in tests that do not search).
  public var finder: (any CaseFinder)?
  /// 常用语 (F6 in a multi-line field), while open.
  public internal(set) var phrasing: PhraseOverlay?
  /// Where the 常用语 are read (the store; nil in tests that offer none).
  public var phrases: (any PhraseSource)?
  /// Where `p` saves and prints a case's sheet (nil in tests that do not print).
  public var sheetPrinter: (any CaseSheetPrinter)?
  public private(set) var confirmingQuit = false
  /// Esc was pressed on a changed form: y discards, any other key goes back to typing.
  public private(set) var confirmingDiscard = false
  public private(set) var finished = false

  /// Below this the layout gives way to a plain notice.
  public static let minimumWidth = 80
  public static let minimumHeight = 24
  /// Width of the left pane list.
  static let navigationWidth = 12

  public init(panes: [any Pane], context: AppContext) {
    self.panes = panes
    self.context = context
    if !panes.isEmpty { self.panes[0].activate(context) }
  }

  public var activePane: any Pane { panes[active] }

  public mutating func select(pane index: Int) {
    guard panes.indices.contains(index), index != active else { return }
    active = index
    panes[active].activate(context)
  }

  /// Reloads the front pane's data (after a clock tick or a change made elsewhere).
  public mutating func refresh(_ newContext: AppContext) {
    context = newContext
    panes[active].activate(context)
  }

  // MARK: - Update

  public mutating func handle(_ key: Key, size: (width: Int, height: Int)? = nil) {
    if key == .resize { return }
    if let s = size, s.width < Self.minimumWidth || s.height < Self.minimumHeight {
      if GlobalKeys.quit.matches(key) { requestQuit() }
      return
    }
    if confirmingQuit {
      switch key {
      case .char("y"), .char("Y"), .enter: finished = true
      default:
        confirmingQuit = false
        toast = .info("已取消退出")
      }
      return
    }
    if confirmingDiscard {
      confirmingDiscard = false
      switch key {
      case .char("y"), .char("Y"): respond(panes[active].handle(.escape, context))
      default: toast = .info("继续录入,内容未丢失")
      }
      return
    }
    if var overlay = help {
      if overlay.handle(key) { help = overlay } else { help = nil }
      return
    }
    if finding != nil {
      handleFind(key)
      return
    }
    if phrasing != nil {
      handlePhrases(key)
      return
    }
    if case .paste(let text) = key {
      paste(text)
      return
    }
    let capturing = panes[active].capturesText
    // One table says which keys are global; in a text field only the function keys are.
    let global = GlobalKeys.table(capturingText: capturing).command(
      for: key, as: GlobalCommand.self)
    if let global, GlobalKeys.preempts(global, key) {
      switch global {
      case .help: openHelp()
      case .find: openFind()
      default: requestQuit()
      }
      return
    }
    if GlobalKeys.phrases.matches(key), let slot = phraseSlot {
      openPhrases(slot)
      return
    }
    if key == .escape, panes[active].escapeLosesInput {
      confirmingDiscard = true
      return
    }
    guard respond(panes[active].handle(key, context)) else { return }
    switch global {
    case .nextPane: select(pane: (active + 1) % panes.count)
    case .previousPane: select(pane: (active + panes.count - 1) % panes.count)
    case .jump:
      if case .char(let c) = key, let n = c.wholeNumberValue, n >= 1, n <= panes.count {
        select(pane: n - 1)
      }
    case .quit: requestQuit()
    case .printSheet: printSheet()
    case .phrases: toast = .info("常用语(F6)在表单的多行输入框中使用")
    case .help, .escapeDigit, .find, nil: break
    }
  }

  /// Shows what the pane answered; true when it ignored the key (the global keys may take it).
  @discardableResult
  mutating func respond(_ response: PaneResponse) -> Bool {
    switch response {
    case .handled: toast = nil
    case .toast(let t): toast = t
    case .ignored: return true
    }
    return false
  }

  /// Pasted text is typed into the field with focus, character by character; a line break becomes
  /// a space (a pasted newline never submits a form) and other control characters are dropped.
  /// Outside a text field a paste does nothing: its letters must not run as commands.
  mutating func paste(_ text: String) {
    guard panes[active].capturesText else {
      toast = .info("此处没有输入框,粘贴的内容未使用")
      return
    }
    toast = nil
    for c in text {
      guard panes[active].capturesText else { break }
      let typed: Character = c.isNewline || c == "\t" ? " " : c
      guard typed.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) else { continue }
      if case .toast(let t) = panes[active].handle(.char(typed), context) { toast = t }
    }
  }

  mutating func requestQuit() {
    if panes.contains(where: { $0.hasUnsavedInput }) {
      confirmingQuit = true
    } else {
      finished = true
    }
  }

  mutating func openHelp() {
    let global = GlobalKeys.table(capturingText: panes[active].capturesText)
    help = HelpOverlay(
      paneTitle: panes[active].title, sections: [panes[active].bindings, global],
      staff: context.staff)
  }

  // MARK: - View

  public func render(width: Int, height: Int) -> Frame {
    var frame = Frame(width: width, height: height)
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
      renderTooSmall(into: &frame)
      return frame
    }
    let (statusRow, rest) = frame.bounds.splitTop(1)
    let body = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - 2)
    let messageRow = Rect(x: 0, y: height - 2, width: width, height: 1)
    let keyRow = Rect(x: 0, y: height - 1, width: width, height: 1)
    renderStatus(into: &frame, statusRow)
    let (nav, main) = body.splitLeft(Self.navigationWidth)
    renderNavigation(into: &frame, nav)
    let paneArea = Rect(x: main.x + 1, y: main.y, width: main.width - 1, height: main.height)
    panes[active].render(into: &frame, area: paneArea, context)
    renderMessage(into: &frame, messageRow)
    renderKeyBar(into: &frame, keyRow)
    if let finding {
      frame.cursor = nil
      finding.render(into: &frame, area: body)
    }
    if let phrasing {
      frame.cursor = nil
      phrasing.render(into: &frame, area: body)
    }
    if let help {
      frame.cursor = nil
      help.render(into: &frame, area: body)
    }
    return frame
  }

  func renderTooSmall(into frame: inout Frame) {
    let lines = [
      "终端窗口太小",
      "当前 \(frame.width)x\(frame.height),至少需要 \(Self.minimumWidth)x\(Self.minimumHeight)",
      "请调大窗口,或按 q 退出",
    ]
    let top = max(0, (frame.height - lines.count) / 2)
    for (i, l) in lines.enumerated() {
      let w = min(DisplayWidth.of(l), frame.width)
      frame.put(l, x: max(0, (frame.width - w) / 2), y: top + i, style: i == 0 ? .bold : .normal)
    }
  }

  func renderStatus(into frame: inout Frame, _ row: Rect) {
    frame.fill(row, style: .title)
    let c = context
    let today = c.today
    let kind: String
    switch c.calendar.kind(of: today) {
    case .workday: kind = "工作日"
    case .weekend: kind = "休息日"
    case .holiday(let name): kind = "\(name)假期"
    case .makeupWorkday: kind = "调休上班"
    }
    let (h, m) = c.zone.clockTime(c.now)
    let time = (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    let missing = [today.year, today.year + 1].filter { !c.calendar.isLoaded(year: $0) }
    let warning =
      (c.node.training ? "演示 " : "")
      + (missing.isEmpty ? "" : "\(missing.map(String.init).joined(separator: "、"))年节假日未导入")
    let roles = c.staff.roles.sorted()
    let shortRoles = roles.count > 1 ? (roles.first?.title ?? "") + "等" : c.staff.roleTitles
    // Narrow terminals drop the time, then shorten the roles: who and which day always show.
    let layouts = [
      (" \(c.node.name)  \(c.staff.name)(\(c.staff.roleTitles))", " \(time)"),
      (" \(c.node.name)  \(c.staff.name)(\(c.staff.roleTitles))", ""),
      (" \(c.node.name)  \(c.staff.name)(\(shortRoles))", ""),
      (" \(c.node.name)  \(c.staff.name)", ""),
    ]
    let warnWidth = DisplayWidth.of(warning)
    let fitting = layouts.first { l, t in
      DisplayWidth.of(l) + warnWidth + DisplayWidth.of("\(today.iso) 周一\(t) \(kind) ") + 2
        <= row.width
    }
    let (left, timePart) = fitting ?? layouts[layouts.count - 1]
    let clock = "\(today.iso) 周\(today.weekdayName)\(timePart) \(kind) "
    let clockWidth = DisplayWidth.of(clock)
    let leftWidth = max(0, row.width - clockWidth - warnWidth - 2)
    frame.put(left, x: row.x, y: row.y, maxWidth: leftWidth, style: .title)
    let clockX = row.maxX - min(clockWidth, row.width)
    frame.put(clock, x: clockX, y: row.y, maxWidth: row.width, style: .title)
    if warnWidth > 0, clockX - warnWidth - 1 > row.x {
      frame.put(warning, x: clockX - warnWidth - 1, y: row.y, style: .error)
    }
  }

  func renderNavigation(into frame: inout Frame, _ area: Rect) {
    for (i, pane) in panes.enumerated() where i < area.height {
      let label = " \(i + 1) \(pane.title)"
      let style: Style = i == active ? .paneActive : .normal
      let row = Rect(x: area.x, y: area.y + i, width: area.width, height: 1)
      frame.fill(row, style: style)
      frame.put(label, x: area.x, y: area.y + i, maxWidth: area.width, style: style)
    }
  }

  func renderMessage(into frame: inout Frame, _ row: Rect) {
    if confirmingQuit {
      frame.fill(row, style: .error)
      frame.put(" 有未保存的输入,确定退出吗? 按 y 退出,其他键取消", x: row.x, y: row.y, style: .error)
      return
    }
    if confirmingDiscard {
      frame.fill(row, style: .error)
      frame.put(" 放弃本次输入? (y/n)  按 y 放弃,其他键继续录入", x: row.x, y: row.y, style: .error)
      return
    }
    guard let toast else { return }
    let style: Style = toast.kind == .error ? .error : .info
    let text = " " + toast.text + " "
    frame.put(text, x: row.x, y: row.y, maxWidth: row.width, style: style)
  }

  func renderKeyBar(into frame: inout Frame, _ row: Rect) {
    var items: [KeyBinding] = []
    // Only what this operator may do here: a key their roles refuse is noise (help lists it).
    if finding != nil {
      items += FindOverlay.keymap.bindings.filter { $0.command != FindCommand.move.rawValue }
    } else if phrasing != nil {
      items += PhraseOverlay.keymap.bindings.filter { $0.command != PhraseCommand.move.rawValue }
    } else if help == nil {
      if phraseSlot != nil { items.append(GlobalKeys.phrasesInBar) }
      items += panes[active].bindings.bindings.filter { $0.inBar && $0.allowed(for: context.staff) }
    }
    func width(_ b: KeyBinding) -> Int {
      DisplayWidth.of(b.keys.first?.label ?? "") + DisplayWidth.of(b.title) + 1
    }
    // On a narrow terminal the pane's last keys give way, never 帮助, Esc (back) or 退出: F1
    // lists the rest, and a clerk must always see how to go back and how to leave.
    let fixed = width(GlobalKeys.help) + width(GlobalKeys.quit)
    while fixed + items.map(width).reduce(0, +) > row.width,
      let last = items.lastIndex(where: { $0.keys.first != .escape })
    {
      items.remove(at: last)
    }
    var x = row.x
    for b in [GlobalKeys.help] + items + [GlobalKeys.quit] {
      guard x + width(b) <= row.maxX else { break }
      x += frame.put(b.keys.first?.label ?? "", x: x, y: row.y, style: .keyName)
      x += frame.put(b.title, x: x, y: row.y, style: .keyLabel)
      x += 1
    }
  }
}
