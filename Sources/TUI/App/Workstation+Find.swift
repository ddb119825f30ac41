import Domain
import Store

/// 查找 (F7): the overlay's search run against the finder, and a found case opened in its pane.
extension Workstation {
  mutating func openFind() {
    guard finder != nil else {
      toast = .error("本工作台不能查找案件")
      return
    }
    finding = FindOverlay()
    toast = nil
  }

  mutating func handleFind(_ key: Key) {
    guard var overlay = finding else { return }
    if case .paste(let text) = key {
      overlay.paste(text)
      finding = overlay
      return
    }
    switch overlay.handle(key) {
    case .keep: finding = overlay
    case .close: finding = nil
    case .search(let query):
      guard let finder else { return }
      let staff = context.staff
      overlay.show(Result { try finder.find(query, for: staff, limit: 100) }, for: query)
      finding = overlay
    case .open(let found):
      finding = overlay
      open(found)
    }
  }

  /// Brings the case's pane to the front with the case open; the overlay closes only then. A
  /// pane holding the clerk's unsaved typing is not disturbed: they are told to finish first.
  mutating func open(_ found: FoundCase) {
    guard
      let index = panes.firstIndex(where: { ($0 as? any CaseOpening)?.caseKind == found.kind })
    else {
      toast = .error("没有可以打开「\(found.kind.title)」的窗格")
      return
    }
    let pane = panes[index]
    if pane.hasUnsavedInput || pane.escapeLosesInput {
      toast = .error("「\(pane.title)」窗格有正在录入的内容,请先保存或放弃后再打开案件")
      return
    }
    select(pane: index)
    guard var opening = panes[index] as? any CaseOpening else { return }
    let response = opening.openFound(found.caseID, context)
    panes[index] = opening
    finding = nil
    respond(response)
  }
}
