/// 办理步骤 — what can be done to a change application, each with its role and its rule.
public enum ChangeStep: String, CaseIterable, Sendable {
  case edit, submit, approve, sendBack, test, file, withdraw

  public var action: Action {
    switch self {
    case .edit, .submit, .withdraw: return .draftCatalogChange
    case .approve, .sendBack: return .reviewCatalogChange
    case .test: return .testCatalogChange
    case .file: return .fileCatalogChange
    }
  }

  public var title: String {
    switch self {
    case .edit: return "修改"
    case .submit: return "提交"
    case .approve: return "审核"
    case .sendBack: return "退回"
    case .test: return "记录测试结果"
    case .file: return "报备"
    case .withdraw: return "撤回"
    }
  }
}

extension CatalogChangeRules {
  /// Whether `actor` may take `step` on the change now: the role first, then the rule (only the
  /// drafter edits, submits or withdraws; nobody reviews their own; each step in its stage). The
  /// pane asks before opening a form, so a refusal comes before any typing.
  public static func check(_ step: ChangeStep, _ c: CatalogChange, actor: Staff) -> Refusal? {
    Permission.check(actor, step.action) ?? ruleRefusal(step, c, actor: actor)
  }

  static func ruleRefusal(_ step: ChangeStep, _ c: CatalogChange, actor: Staff) -> Refusal? {
    switch step {
    case .edit, .submit:
      return drafterOnly(c, actor, step.title) ?? editable(c, step.title)
    case .approve, .sendBack:
      return c.stage == .submitted ? selfReview(c, reviewer: actor.login) : stage(c, "审核")
    case .test:
      return c.stage == .approved ? nil : stage(c, step.title)
    case .file:
      return c.stage == .awaitingFiling ? nil : stage(c, step.title)
    case .withdraw:
      return drafterOnly(c, actor, step.title) ?? (c.stage.isPending ? nil : stage(c, step.title))
    }
  }
}
