Pod::Spec.new do |spec|
  spec.name         = "MacPod"
  spec.platform     = :osx, "10.15"
  spec.source_files = "Sources/**/*.swift", "Other/*.m"
end
