import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response read off the wire, exactly as the server sent it.
struct RawResponse {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
}

/// A plain TCP client: sends exactly the bytes given (no path clean-up, unlike URLSession), reads
/// with a deadline, and runs on its own thread so blocking reads never starve the server's tasks.
final class RawSocket: @unchecked Sendable {
    private let fd: Int32

    init(port: UInt16) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ClientError(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw ClientError(description: "could not connect to port \(port)")
        }
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { throw ClientError(description: "write failed") }
            sent += count
        }
    }

    /// Bytes available within `timeout` seconds: nil at end of stream, empty on timeout.
    func receive(timeout: Double) -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return count <= 0 ? nil : Array(buffer[0..<count])
    }

    /// Reads until `done` says the bytes so far are enough, the stream ends, or `seconds` pass.
    func read(for seconds: Double, until done: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = Date().addingTimeInterval(seconds)
        var bytes: [UInt8] = []
        while !done(bytes) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let chunk = receive(timeout: min(left, 0.25)) else { break }
            bytes += chunk
        }
        return bytes
    }
}

/// Runs blocking socket work on a thread of its own.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

enum RawHTTP {
    /// Sends `METHOD target HTTP/1.1` with `Connection: close` and reads the whole answer (5 s at most).
    static func send(port: UInt16, method: String = "GET", target: String, host: String? = nil,
                     headers: [String: String] = [:]) async throws -> RawResponse {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        let raw = try await offThread {
            let socket = try RawSocket(port: port)
            try socket.send(bytes)
            return socket.read(for: 20) { _ in false }
        }
        return try parse(raw)
    }

    static func parse(_ raw: [UInt8]) throws -> RawResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, raw.count - 4)).first(where: { raw.count >= $0 + 4 && Array(raw[$0..<$0 + 4]) == separator }) else {
            throw ClientError(description: "no response head in \(raw.count) bytes")
        }
        let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Data(raw[(end + 4)...]))
    }
}
