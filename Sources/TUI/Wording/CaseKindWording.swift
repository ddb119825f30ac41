/// 案件类别 — how the deadline index's kinds read in the 督办 pane.
enum CaseKindWording {
  static func title(_ kind: String) -> String {
    switch kind {
    case "complaint": return "投诉建议"
    case "application": return "办件"
    case "rectification": return "差评整改"
    case "listAdjustment": return "清单调整"
    case "catalogChange": return "事项变更"
    default: return kind
    }
  }

  /// What a deadline is for (`deadline.purpose`), in the supervisor's words.
  static func purpose(_ purpose: String) -> String {
    switch purpose {
    case "main": return "办结"
    case "intake": return "受理"
    case "clockStop": return "特别程序"
    case "supervision": return "督办回复"
    case "verification": return "核实"
    default: return "期限"
    }
  }
}
