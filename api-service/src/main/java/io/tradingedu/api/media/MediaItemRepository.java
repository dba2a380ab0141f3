package io.tradingedu.api.media;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface MediaItemRepository extends JpaRepository<MediaItem, UUID> {

    Optional<MediaItem> findBySha256(String sha256);

    Page<MediaItem> findByStatus(MediaStatus status, Pageable pageable);
}
