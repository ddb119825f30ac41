import Domain

/// 一次性告知 — every material to supply or correct, each with what is wrong, on one notice.
///
/// Opens with the checklist's missing and defective materials already listed (a missing one with
/// what to bring); the clerk writes what is wrong with each defective one.
public struct SupplementEditor: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var index: Int
    public var status: MaterialStatus
    public var note: TextField
  }

  public let caseID: String
  public let materials: [MaterialRequirement]
  public private(set) var entries: [Entry]
  public private(set) var other = TextField(label: "其他说明", maxLength: 500)
  /// 0..<entries.count: a material's note; entries.count: 其他说明.
  public private(set) var focus = 0
  public private(set) var errors: [Int: String] = [:]
  public var message: String?
  /// The notes it opened with (Esc asks first once one changed).
  private let openedWith: [Entry]

  public init(_ a: Application) {
    caseID = a.caseID
    materials = a.item.materials
    entries = a.item.materials.indices.compactMap { i in
      let status = a.materials[i]
      let m = a.item.materials[i]
      // Every required material not in hand, and anything handed over wrong.
      guard status == .defective || (m.required && !status.isSatisfied) else { return nil }
      let s: MaterialStatus = status == .defective ? .defective : .missing
      return Entry(
        index: i, status: s,
        note: TextField(
          label: "说明", text: ApplicationRules.defaultNote(m, s), maxLength: 200,
          placeholder: s == .defective ? "写明问题,如 已过有效期" : ""))
    }
    focus = entries.firstIndex { $0.status == .defective } ?? 0
    openedWith = entries
  }

  /// 补正说明 (F6): a material's 说明 or the 其他说明 with focus, what the one-time notice asks
  /// of the applicant.
  public var phraseSlot: PhraseSlot? {
    let field = entries.indices.contains(focus) ? entries[focus].note : other
    return PhraseSlot(
      kind: .supplement, label: field.label, count: field.text.count, maxLength: field.maxLength)
  }

  /// Inserts a 常用语 at the caret of the field with focus; the refusal when it would not fit.
  public mutating func insertPhrase(_ text: String) -> Refusal? {
    guard let slot = phraseSlot else { return Refusal("没有可插入常用语的输入框") }
    if let refusal = slot.refusal(inserting: text) { return refusal }
    let done: Bool
    if entries.indices.contains(focus) {
      done = entries[focus].note.insert(text)
    } else {
      done = other.insert(text)
    }
    return done ? nil : slot.refusal(inserting: text)
  }

  public var isChanged: Bool {
    entries.map(\.note.text) != openedWith.map(\.note.text) || !other.isEmpty
  }

  public enum Outcome: Equatable, Sendable { case none, submit, cancel }

  public var deficiencies: [MaterialDeficiency] {
    entries.map { MaterialDeficiency.material($0.index, $0.status, note: $0.note.trimmed) }
  }

  public mutating func handle(_ key: Key) -> Outcome {
    let count = entries.count + 1
    switch key {
    case .function(5): return validate() ? .submit : .none
    case .escape: return .cancel
    case .tab, .enter, .down: focus = (focus + 1) % count
    case .backTab, .up: focus = (focus + count - 1) % count
    default:
      if focus < entries.count {
        if entries[focus].note.handle(key) { errors[focus] = nil }
      } else {
        _ = other.handle(key)
      }
    }
    return .none
  }

  public mutating func validate() -> Bool {
    errors = [:]
    for (i, e) in entries.enumerated() where e.status == .defective && e.note.isEmpty {
      errors[i] = "须写明问题"
    }
    if let first = errors.keys.min() {
      focus = first
      message = "「\(materials[entries[first].index].name)」有误,须写明问题所在"
      return false
    }
    message = nil
    return true
  }

  public func render(into frame: inout Frame, area: Rect) {
    frame.fill(area)
    var y = area.y
    frame.put("一次性告知书  \(caseID)", x: area.x, y: y, maxWidth: area.width, style: .bold)
    y += 1
    frame.put(
      message ?? "一次列明全部需补正的材料;补正后沿用原办件编号", x: area.x, y: y, maxWidth: area.width,
      style: message == nil ? .dim : .danger)
    y += 2
    let width = max(10, min(50, area.width - 12))
    // Each material takes two lines; scroll so the focused one shows.
    let rows = max(1, (area.maxY - y - 2) / 2)
    let first = max(0, min(focus, entries.count) - rows + 1)
    for (i, e) in entries.enumerated().dropFirst(first).prefix(rows) {
      let m = materials[e.index]
      let tag = e.status == .missing ? "[缺]" : "[有误]"
      frame.put(
        "\(i + 1). \(tag) \(m.name)(\(m.requirement))", x: area.x, y: y, maxWidth: area.width,
        style: i == focus ? .bold : .normal)
      y += 1
      frame.put("   说明", x: area.x, y: y)
      e.note.render(into: &frame, x: area.x + 10, y: y, width: width, focused: i == focus)
      if let err = errors[i] {
        frame.put(
          err, x: area.x + 11 + width, y: y, maxWidth: area.maxX - area.x - 11 - width,
          style: .danger)
      }
      y += 1
    }
    guard y < area.maxY - 1 else { return }
    y += 1
    frame.put("其他说明", x: area.x, y: y, style: focus == entries.count ? .bold : .normal)
    other.render(into: &frame, x: area.x + 10, y: y, width: width, focused: focus == entries.count)
  }
}
