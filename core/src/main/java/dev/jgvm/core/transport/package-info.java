/**
 * The HTTP transport (README, 'Behind a company network'): fetches bytes from {@code https:}, {@code http:} and {@code file:} URLs and knows
 * nothing of Go. {@link dev.jgvm.core.transport.Transport} is the contract; {@link dev.jgvm.core.transport.OkHttpTransport}
 * composes small parts with one concern each: {@link dev.jgvm.core.transport.RetryPolicy} (the only place that
 * retries), {@link dev.jgvm.core.transport.RedirectPolicy} (never https to http), {@link dev.jgvm.core.transport.OriginCredentials}
 * (Basic credentials for exactly the origin they were configured for), {@link dev.jgvm.core.transport.ProxyRules}
 * (curl's and Go's proxy variables, {@code NO_PROXY}, proxy authentication), {@link dev.jgvm.core.transport.TrustRoots}
 * (JDK, operating system, {@code SSL_CERT_FILE}/{@code SSL_CERT_DIR} and extra PEM roots) and
 * {@link dev.jgvm.core.transport.FileTransport}. Failures are {@link dev.jgvm.core.transport.TransportException}s
 * classified by {@link dev.jgvm.core.transport.TransportException.Kind}; core turns them into jgvm's errors.
 */
package dev.jgvm.core.transport;
