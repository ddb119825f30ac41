import Domain
import Store

/// What the 常用语 overlay's keys do.
public enum PhraseCommand: String, PaneCommand {
  case insert, move, close
}

/// 常用语 (F6 in a multi-line field) — the templates of the field's kind the operator may use,
/// their organisation's first, then the district's, in the admins' order; typing narrows them.
/// Enter inserts the chosen one at the caret, Esc goes back to the field with nothing changed.
///
/// Pure like a pane, built on the one `Picker`: `handle` says what the workstation is to do.
public struct PhraseOverlay: Equatable {
  public let slot: PhraseSlot
  public internal(set) var picker: Picker
  /// The whole text of each template, by id (the list shows each on one line).
  let texts: [String: String]
  /// Why the last choice was not inserted, shown at the foot of the list.
  public internal(set) var problem: String?

  public init(slot: PhraseSlot, templates: [PhraseTemplate], organisation: String) {
    self.slot = slot
    var texts: [String: String] = [:]
    let options = templates.map { p -> Picker.Option in
      texts[p.id] = p.text
      let scope = p.org == nil ? "全区" : (p.org == organisation ? "本单位" : p.org ?? "")
      return Picker.Option(
        id: p.id, label: DisplayWidth.pad(scope, to: 7) + FieldText.sanitizeForDisplay(p.text),
        keywords: scope)
    }
    self.texts = texts
    picker = Picker(
      title: "常用语: \(slot.kind.title)  插入「\(slot.label)」,还可输入\(slot.room)字", options: options)
  }

  public static let keymap = KeymapSection(
    "常用语",
    [
      KeyBinding([.enter], PhraseCommand.insert, "插入所选常用语"),
      KeyBinding([.up, .down, .pageUp, .pageDown], PhraseCommand.move, "选择常用语"),
      KeyBinding([.escape], PhraseCommand.close, "返回输入框(不插入)"),
    ])

  public enum Outcome: Equatable {
    case keep
    case close
    case insert(String)
  }

  public mutating func handle(_ key: Key) -> Outcome {
    if case .paste = key { return .keep }
    switch picker.handle(key) {
    case .cancelled: return .close
    case .picked(let option):
      guard let text = texts[option.id] else { return .keep }
      if let refusal = slot.refusal(inserting: text) {
        problem = refusal.message
        return .keep
      }
      return .insert(text)
    case .none, .filterChanged:
      problem = nil
      return .keep
    }
  }

  /// The picker, its foot saying what Enter and Esc do here (or why the choice was refused).
  public func render(into frame: inout Frame, area: Rect) {
    picker.render(into: &frame, area: area)
    let box = area.centered(width: min(area.width, 70), height: min(area.height, 22))
    let foot = box.maxY - 1
    frame.fill(Rect(x: box.x, y: foot, width: box.width, height: 1), style: .selected)
    if let problem {
      frame.put(" " + problem, x: box.x, y: foot, maxWidth: box.width, style: .danger)
    } else {
      frame.put(
        " 共\(picker.matches.count)条  Enter 插入  Esc 返回(不插入)", x: box.x, y: foot,
        maxWidth: box.width, style: .selected)
    }
  }
}
