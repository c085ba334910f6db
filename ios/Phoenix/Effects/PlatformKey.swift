import CryptoKit
import Foundation
import LocalAuthentication
import Security
import SharedTypes

/// Biometric unlock's key: 32 random bytes in the Keychain, on this device
/// only (never synced or backed up), readable only after Face ID or Touch ID.
/// A key the system invalidated (a new face or finger enrolled) reads as
/// "unavailable"; the passcode still works.
///
/// Also this device's key for the vault: another Keychain item, 32 random
/// bytes readable while the phone is unlocked, on this device only (never
/// synced or in a backup), no biometric; the core gets only its HMAC-SHA256
/// of the core's salt (CryptoKit), which it combines with the passcode.
@MainActor
final class PlatformKey {
    private nonisolated static let account = "org.phoenix.platform-key"
    private nonisolated static let deviceAccount = "org.phoenix.device-key"

    /// `answer` runs on the main actor.
    func perform(_ operation: PlatformKeyOperation, answer: @escaping @MainActor @Sendable (PlatformKeyOutput) -> Void) {
        switch operation {
        case .create: answer(Self.create().map { .key($0) } ?? .unavailable)
        case .read: Self.read(answer)
        case .delete:
            SecItemDelete(Self.query() as CFDictionary)
            answer(.deleted)
        case .deviceSecret(let salt): answer(Self.deviceSecret(salt).map { .key($0) } ?? .unavailable)
        case .destroyDeviceKey:
            SecItemDelete(Self.query(deviceAccount) as CFDictionary)
            answer(.deleted)
        }
    }

    /// HMAC-SHA256 of `salt` under the device key, created on the first ask.
    private static func deviceSecret(_ salt: [UInt8]) -> [UInt8]? {
        guard let key = deviceKey() ?? newDeviceKey() else { return nil }
        let code = HMAC<SHA256>.authenticationCode(for: Data(salt), using: SymmetricKey(data: key))
        return Array(code)
    }

    private static func deviceKey() -> Data? {
        var item = query(deviceAccount)
        item[kSecReturnData as String] = true
        var result: AnyObject?
        return SecItemCopyMatching(item as CFDictionary, &result) == errSecSuccess ? result as? Data : nil
    }

    private static func newDeviceKey() -> Data? {
        var key = [UInt8](repeating: 0, count: 32)
        guard SecRandomCopyBytes(kSecRandomDefault, key.count, &key) == errSecSuccess else { return nil }
        var item = query(deviceAccount)
        item[kSecValueData as String] = Data(key)
        item[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess ? Data(key) : nil
    }

    /// Whether Face ID or Touch ID is set up, so the prompt can work.
    static func usable() -> Bool {
        LAContext().canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: nil)
    }

    private nonisolated static func query(_ account: String = PlatformKey.account) -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
    }

    private static func create() -> [UInt8]? {
        guard usable() else { return nil }
        var key = [UInt8](repeating: 0, count: 32)
        guard SecRandomCopyBytes(kSecRandomDefault, key.count, &key) == errSecSuccess,
              let access = SecAccessControlCreateWithFlags(nil, kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, .biometryCurrentSet, nil)
        else { return nil }
        SecItemDelete(query() as CFDictionary)
        var item = query()
        item[kSecValueData as String] = Data(key)
        item[kSecAttrAccessControl as String] = access
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess ? key : nil
    }

    private static func read(_ answer: @escaping @MainActor @Sendable (PlatformKeyOutput) -> Void) {
        // The Keychain shows the biometric prompt; off the main thread. Only
        // Sendable values cross: the query is built on that thread, and the
        // key comes back as bytes.
        DispatchQueue.global(qos: .userInitiated).async {
            var item = query()
            item[kSecReturnData as String] = true
            item[kSecUseAuthenticationContext as String] = LAContext()
            var result: AnyObject?
            let status = SecItemCopyMatching(item as CFDictionary, &result)
            let key: [UInt8]? = (status == errSecSuccess ? result as? Data : nil).map { [UInt8]($0) }
            Task { @MainActor in answer(key.map { .key($0) } ?? .unavailable) }
        }
    }
}
