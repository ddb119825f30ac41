import Domain
import Store

/// Where the workstation's 查找 reads: the store, or a fake in tests.
public protocol CaseFinder {
  func find(_ query: FindQuery, for staff: Staff, limit: Int) throws -> FindResult
}

extension Store: CaseFinder {}

/// What the find overlay's keys do.
public enum FindCommand: String, PaneCommand {
  case submit, move, close
}

/// 查找 (F7, or Esc 7, from any pane) — one prompt for a case number or its last digits, a
/// name, an ID number, a phone or an upstream ticket number, over every kind of case the
/// operator may see; Enter on a result opens the case in its own pane.
///
/// Pure like a pane: `handle` says what the workstation is to do (search, open, close); the
/// workstation runs the search and opens the case.
public struct FindOverlay: Equatable {
  public internal(set) var field = TextField(
    label: "查找", maxLength: 40, placeholder: "案件编号或尾号、姓名、证件号码、电话、工单号")
  /// The last search's answer and the text it was for.
  public internal(set) var result: FindResult?
  var searchedText = ""
  var cursor = ListCursor()
  public var selected: Int { cursor.selected }
  /// A refusal or a failed read, shown under the field.
  public internal(set) var problem: String?

  public init() {}

  public static let keymap = KeymapSection(
    "查找",
    [
      KeyBinding([.enter], FindCommand.submit, "查找;结果未改动时打开所选案件"),
      KeyBinding([.up, .down, .pageUp, .pageDown], FindCommand.move, "选择结果"),
      KeyBinding([.escape], FindCommand.close, "关闭查找"),
    ])

  /// What a key asks of the workstation.
  public enum Outcome: Equatable {
    case keep
    case close
    case search(FindQuery)
    case open(FoundCase)
  }

  public mutating func handle(_ key: Key) -> Outcome {
    switch Self.keymap.command(for: key, as: FindCommand.self) {
    case .close: return .close
    case .move:
      _ = cursor.handle(key, count: result?.cases.count ?? 0, page: 10)
      return .keep
    case .submit:
      let typed = FindKey.normalised(field.text)
      if let r = result, typed == searchedText, r.cases.indices.contains(selected) {
        return .open(r.cases[selected])
      }
      switch FindQuery.parse(field.text) {
      case .success(let q): return .search(q)
      case .failure(let refusal):
        problem = refusal.message
        return .keep
      }
    case nil:
      if field.handle(key) { problem = nil }
      return .keep
    }
  }

  /// The workstation's answer to `.search`.
  public mutating func show(_ answer: Result<FindResult, any Error>, for query: FindQuery) {
    switch answer {
    case .success(let r):
      result = r
      searchedText = query.text
      cursor = ListCursor()
      problem = r.cases.isEmpty ? "没有找到「\(field.trimmed)」的案件(或无权查看)" : nil
    case .failure(let error):
      result = nil
      searchedText = ""
      problem = "查找失败:" + CLI.message(for: error)
    }
  }

  /// Pasted text goes into the field (a line break as a space).
  public mutating func paste(_ text: String) {
    for c in text {
      let typed: Character = c.isNewline || c == "\t" ? " " : c
      guard typed.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) else { continue }
      _ = field.handle(.char(typed))
    }
  }

  // MARK: - View

  /// One result as a line: kind, number, person, phone, status, what it is about.
  static func line(_ c: FoundCase) -> String {
    let person = c.person.isEmpty ? "—" : c.person
    let parts = [
      DisplayWidth.pad("[\(c.kind.title)]", to: 11), DisplayWidth.pad(c.caseID, to: 18),
      DisplayWidth.pad(DisplayWidth.truncate(person, to: 12), to: 13),
      DisplayWidth.pad(c.phone, to: 14), DisplayWidth.pad(c.status, to: 9), c.title,
    ]
    return parts.joined()
  }

  func render(into frame: inout Frame, area: Rect) {
    // The whole body: a result line needs every column, and nothing of the pane shows through.
    let box = area
    frame.fill(box, style: .normal)
    frame.put(" 查找(F7)", x: box.x, y: box.y, maxWidth: box.width, style: .title)
    frame.fill(Rect(x: box.x + 9, y: box.y, width: max(0, box.width - 9), height: 1), style: .title)
    let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
    let label = "查找: "
    let labelWidth = frame.put(label, x: inner.x, y: inner.y, style: .bold)
    if let problem {
      frame.put(problem, x: inner.x, y: inner.y + 1, maxWidth: inner.width, style: .error)
    } else if let r = result {
      let more = r.truncated ? ",仅列出前\(r.cases.count)件,请输入更完整的条件" : ""
      frame.put(
        "共\(r.cases.count)件\(more)", x: inner.x, y: inner.y + 1, maxWidth: inner.width,
        style: .dim)
    } else {
      frame.put(
        "输入案件编号(可不带横线,或只输尾号)、姓名、证件号码、电话或工单号,按Enter查找",
        x: inner.x, y: inner.y + 1, maxWidth: inner.width, style: .dim)
    }
    renderResults(
      into: &frame,
      Rect(
        x: inner.x, y: inner.y + 2, width: inner.width,
        height: inner.height - 3))
    frame.put(
      " Enter 查找/打开  ↑↓ 选择  Esc 关闭 ", x: box.x, y: box.maxY - 1, maxWidth: box.width,
      style: .selected)
    // The field last: the terminal cursor stays in it, for the input method.
    field.render(
      into: &frame, x: inner.x + labelWidth, y: inner.y, width: inner.width - labelWidth,
      focused: true)
  }

  func renderResults(into frame: inout Frame, _ area: Rect) {
    guard let r = result, !r.cases.isEmpty, area.height > 1 else { return }
    let rows = area.height - 1
    let first = max(0, selected - rows + 1)
    for (i, c) in r.cases.enumerated().dropFirst(first).prefix(rows) {
      let y = area.y + i - first
      let style: Style = i == selected ? .selected : (c.isOpen ? .normal : .dim)
      if i == selected {
        frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
      }
      frame.put(Self.line(c), x: area.x, y: y, maxWidth: area.width, style: style)
    }
    if r.cases.indices.contains(selected) {
      let c = r.cases[selected]
      let about =
        "按\(c.matchedBy.title)找到 · \(c.organisationName) · 登记于\(c.registeredOn)"
        + (c.isOpen ? "" : " · 已结束")
      frame.put(about, x: area.x, y: area.maxY - 1, maxWidth: area.width, style: .header)
    }
  }
}
