package io.tradingedu.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A checked bearer credential: who it is and what it was granted. Its authorities are the granted scopes and the
 * ones they imply, in Spring's {@code SCOPE_x} form; {@link #granted()} keeps what was granted for error messages.
 */
public final class Credential extends AbstractAuthenticationToken {

    /** How the caller proved who it is. */
    public enum Kind { API_KEY, SERVICE_TOKEN, JWT }

    private final Kind kind;
    private final String name;
    private final Set<Scope> granted;

    Credential(Kind kind, String name, Collection<Scope> granted) {
        super(Scope.expand(granted).stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
        this.kind = kind;
        this.name = name;
        this.granted = Set.copyOf(granted);
        setAuthenticated(true);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    /** The secret is never kept beyond the check. */
    @Override
    public Object getCredentials() {
        return null;
    }

    boolean has(Scope scope) {
        return Scope.expand(granted).contains(scope);
    }

    /** E.g. {@code read, write}; {@code no scope} when none was granted. */
    String describeGranted() {
        List<Scope> sorted = granted.stream().sorted().toList();
        return sorted.isEmpty() ? "no scope" : sorted.stream().map(Scope::label).collect(Collectors.joining(", "));
    }
}
