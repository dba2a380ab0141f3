package io.tradingedu.api.media;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MediaItemRepository extends JpaRepository<MediaItem, UUID> {

    Optional<MediaItem> findBySha256(String sha256);

    Page<MediaItem> findByStatus(MediaStatus status, Pageable pageable);

    /** Items whose file name matches a LIKE pattern ({@link NameFilter}: wildcards escaped with a backslash). */
    @Query("SELECT m FROM MediaItem m WHERE lower(m.filename) LIKE lower(:pattern) ESCAPE '\\'")
    Page<MediaItem> findByNameLike(String pattern, Pageable pageable);

    @Query("SELECT m FROM MediaItem m WHERE m.status = :status AND lower(m.filename) LIKE lower(:pattern) ESCAPE '\\'")
    Page<MediaItem> findByStatusAndNameLike(MediaStatus status, String pattern, Pageable pageable);
}
