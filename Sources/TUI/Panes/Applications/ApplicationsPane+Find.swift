import Domain
import Store

/// 查找 (F7) opens an application here.
extension ApplicationsPane: CaseOpening {
  var caseKind: FoundCase.Kind { .application }

  var shownCaseID: String? {
    if case .detail(let id) = mode { return id }
    return nil
  }

  mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse {
    layer = .none
    confirm = nil
    searching = false
    return EffectRunner.run(&self, openCase(caseID), context)
  }
}

/// The counter's service reads a case's related cases from its store.
extension StoreApplicationService: RelatedCaseReader {
  public func relatedCases(of kind: FoundCase.Kind, _ caseID: String, for staff: Staff) throws
    -> RelatedCaseList
  {
    try store.relatedCases(of: kind, caseID, for: staff)
  }
}
