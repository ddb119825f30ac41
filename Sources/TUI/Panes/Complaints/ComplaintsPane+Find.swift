import Domain
import Store

/// 查找 (F7) opens a complaint here.
extension ComplaintsPane: CaseOpening {
  var caseKind: FoundCase.Kind { .complaint }

  var shownCaseID: String? { mode == .detail ? detail?.complaint.id : nil }

  mutating func openFound(_ caseID: String, _ context: AppContext) -> PaneResponse {
    guard Self.canUse(context.staff) else {
      return .toast(.error("投诉建议窗格仅供窗口、经办和督办人员使用"))
    }
    flow.close()
    lastContext = context
    return EffectRunner.run(&self, .run(.open(caseID)), context)
  }
}
