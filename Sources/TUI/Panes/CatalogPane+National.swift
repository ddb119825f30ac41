import Domain

/// F6 in the draft editor: the 国家标准要素 form over it, saved into the draft's elements.
extension CatalogPane {
  mutating func startNational(_ e: CatalogEditor) -> PaneResponse {
    guard e.hasContent else { return .toast(.info("\(e.kind.title)只改变事项状态,不修改国家标准要素")) }
    flow.show(CatalogEditor.nationalForm(e.national), .national)
    return .handled
  }

  mutating func saveNational(_ form: Form) -> PaneResponse {
    guard var e = editor else { return .handled }
    switch CatalogEditor.national(from: form, type: e.item().type) {
    case .success(let n):
      e.national = n
      e.dirty = true
      e.refresh()
      editor = e
      flow.close()
      return .toast(.info("已修改国家标准要素(保存草稿后生效)"))
    case .failure(let p):
      return reopen(form, p, .national)
    }
  }
}
