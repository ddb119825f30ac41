import Domain

// The registry's projections read by column name. What the projectors never write (an unknown
// role or organisation kind, a NULL name) is a corrupt row: an error naming it, never a
// staff member quietly losing a role or an organisation read as a 部门.

extension Organisation.Kind: ColumnDecodable {}

extension Staff: RowDecodable {
  public static let table = "staff"
  public static let keyColumn = "login"

  public init(row r: Row) throws {
    self.init(
      login: try r.decode("login"), name: try r.decode("name"), org: try r.decode("org"),
      roles: try Self.roles(try r.decode("roles")), disabled: try r.decode("disabled"))
  }

  /// `roleCodes` read back: every code must be a role.
  static func roles(_ codes: String) throws -> Set<Role> {
    var roles: Set<Role> = []
    for code in codes.split(separator: ",") {
      guard let role = Role(rawValue: String(code)) else {
        throw ColumnDecodingError(column: "roles", problem: "unknown role code \(code)")
      }
      roles.insert(role)
    }
    return roles
  }
}

extension Organisation: RowDecodable {
  public static let table = "org"
  public static let keyColumn = "code"

  public init(row r: Row) throws {
    self.init(
      code: try r.decode("code"), name: try r.decode("name"), kind: try r.decode("kind"),
      node: try r.decode("node"), parent: try r.decode("parent"),
      disabled: try r.decode("disabled"))
  }
}

extension NodeIdentity: RowDecodable {
  public static let table = "local_node"
  public static let keyColumn = "code"

  public init(row r: Row) throws {
    self.init(
      code: try r.decode("code"), name: try r.decode("name"), district: try r.decode("district"),
      isDistrict: try r.decode("is_district"), epoch: try r.decode("epoch"),
      training: try r.decode("training"))
  }
}
