import Foundation
import SharedTypes

/// Requests to the organization's relay, exactly as the core signed them,
/// through URLSession. No protocol logic here: any answer (any status) goes
/// back to the core, no answer at all is `.unreachable`. An ephemeral
/// session: no cookies, no cache; redirects are not followed (the signature
/// covers the path).
enum RelayHttp {
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// Calls `answer` on the main actor.
    @MainActor
    static func send(_ request: HttpRequest, answer: @escaping @MainActor @Sendable (HttpResult) -> Void) {
        guard let url = URL(string: request.url) else {
            answer(.unreachable)
            return
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for header in request.headers {
            urlRequest.setValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        session.dataTask(with: urlRequest) { data, response, error in
            let status = (error == nil ? response as? HTTPURLResponse : nil).map { UInt16(clamping: $0.statusCode) }
            let body = [UInt8](data ?? Data())
            Task { @MainActor in
                if let status { answer(.response(status: status, body: body)) } else { answer(.unreachable) }
            }
        }.resume()
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
