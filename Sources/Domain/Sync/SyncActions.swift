extension Action {
  /// 登记乡镇节点 — the district records a township node and writes its enrolment file.
  public static let enrolNode = Action("node.enrol", "登记乡镇节点", roles: [.admin])
  /// 导出同步文件
  public static let exportBundle = Action("sync.export", "导出同步文件", roles: [.admin])
  /// 导入同步文件
  public static let importBundle = Action("sync.import", "导入同步文件", roles: [.admin])
  /// 处理冲突 — a supervisor decides what an event that could not apply means.
  public static let resolveConflict = Action("conflict.resolve", "处理冲突", roles: [.supervisor])
}

/// Checks on a township node before the district enrols it.
public enum NodeEnrolment {
  /// A node code: 2 to 8 capital letters or digits (the database's `local_node.code` limit).
  public static func checkCode(_ code: String) -> Refusal? {
    guard (2...8).contains(code.count),
      code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    else { return Refusal("节点代码应为2至8位大写字母或数字") }
    return nil
  }

  public static func checkName(_ name: String) -> Refusal? {
    FieldText.check(name, field: "节点名称", required: true, maxLength: 30).map {
      Refusal($0.message)
    }
  }
}
