/// 单位的统一社会信用代码 — an organisation's own code, as the admin records it.
extension CreditCode {
  /// Like `validate`, but a wrong check character is refused naming the one expected
  /// (`校验码应为「D」`): an organisation's code is public, printed on its seal and licence, so
  /// saying the right character helps the admin find a typing slip and gives nobody anything.
  public static func validateOrganisation(_ text: String) -> IdentifierProblem? {
    guard let problem = validate(text) else { return nil }
    let chars = Array(normalize(text))
    guard chars.count == 18, let expected = checkCharacter(String(chars[0..<17])),
      expected != chars[17]
    else { return problem }
    return IdentifierProblem(message: "统一社会信用代码校验位错误:校验码应为「\(expected)」")
  }

  /// 主体标识码 — positions 9–17 of a valid code (the organisation code of GB 11714).
  public static func subjectCode(_ code: String) -> String {
    let chars = Array(normalize(code))
    guard chars.count == 18 else { return "" }
    return String(chars[8..<17])
  }
}
