import Domain
import Store

/// 常用语 (F6 in a multi-line field): the overlay opened over the field, its choice inserted at
/// the field's caret by the pane.
extension Workstation {
  /// The focused multi-line field of the front pane that offers 常用语, if any.
  var phraseSlot: PhraseSlot? { (panes[active] as? any PhraseTaking)?.phraseSlot }

  mutating func openPhrases(_ slot: PhraseSlot) {
    guard let phrases else {
      toast = .error("本工作台没有常用语")
      return
    }
    do {
      let offered = try phrases.phrasesOffered(slot.kind, to: context.staff, limit: 200)
      guard !offered.isEmpty else {
        toast = .info("没有「\(slot.kind.title)」类的常用语;系统管理员可在「系统管理」的常用语中添加")
        return
      }
      phrasing = PhraseOverlay(slot: slot, templates: offered, organisation: context.staff.org)
      toast = nil
    } catch {
      toast = .error("无法读取常用语: \(CLI.message(for: error))")
    }
  }

  mutating func handlePhrases(_ key: Key) {
    guard var overlay = phrasing else { return }
    switch overlay.handle(key) {
    case .keep: phrasing = overlay
    case .close:
      phrasing = nil
      toast = .info("未插入常用语,输入框内容未改动")
    case .insert(let text):
      guard var target = panes[active] as? any PhraseTaking else {
        phrasing = nil
        return
      }
      if let refusal = target.insertPhrase(text) {
        overlay.problem = refusal.message
        phrasing = overlay
        toast = .error(refusal.message)
        return
      }
      panes[active] = target
      phrasing = nil
      toast = .info("已插入常用语,可继续修改")
    }
  }
}
