package io.tradingedu.orchestrator.processvideo.audio;

/** The speech track of a video as {@link AudioExtractor} found it: a WAV to transcribe, or why there is none. */
public sealed interface ExtractedAudio {

    /** 16 kHz mono 16-bit PCM with its length and loudness. */
    record Wav(PcmWav wav, PcmWav.Levels levels) implements ExtractedAudio {

        public double seconds() {
            return wav.seconds();
        }
    }

    /** No speech can come from the audio; {@link #reason()} says why in words a person reads. */
    sealed interface Unusable extends ExtractedAudio {

        String reason();
    }

    /** The video has no audio stream at all. */
    record NoAudioStream(String reason) implements Unusable {
    }

    /** There is an audio stream, but nothing on it is louder than the silence threshold. */
    record Silent(String reason, PcmWav.Levels levels) implements Unusable {
    }

    /** ffmpeg could not decode the audio stream (damaged data, an unsupported codec, a timeout). */
    record Undecodable(String reason) implements Unusable {
    }
}
