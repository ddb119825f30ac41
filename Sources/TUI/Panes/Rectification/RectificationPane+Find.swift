import Domain
import Store

/// 查找 (F7) opens a rectification case here.
extension RectificationPane: CaseOpening {
  var caseKind: FoundCase.Kind { .rectification }

  var shownCaseID: String? {
    if case .detail(let id) = mode { return id }
    return nil
  }

  mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse {
    flow.close()
    return EffectRunner.run(&self, open(caseID), context)
  }
}
